export { startSmtpSink } from './smtp-sink.js'
export type {
  SinkDataStartFn,
  SinkReplyFn,
  SmtpSink,
  SmtpSinkOptions
} from './smtp-sink.js'
export type { SinkEnvelope, SinkMessage } from './sink-message.js'
export type { SinkRejectCode, SinkReply } from './sink-reply.js'
export { SinkClosedError, SinkError, SinkTimeoutError } from './sink-errors.js'
export { uniqueId } from './unique-id.js'
export { testUrls } from './test-urls.js'
export type { TestUrls } from './test-urls.js'
export { TEST_ENCRYPTION_KEY } from './test-encryption-key.js'
export { testConfig } from './test-config.js'
export { Arrivals, StandInTimeoutError } from './arrivals.js'
export type { ForcedReply, ReplyFn } from './http-stand-in.js'
export { startTwilioStandIn } from './twilio-stand-in.js'
export type {
  TwilioMessage, TwilioStandIn, TwilioStandInOptions
} from './twilio-stand-in.js'
export { startExpoStandIn } from './expo-stand-in.js'
export type {
  ExpoMessage, ExpoStandIn, ExpoStandInOptions
} from './expo-stand-in.js'
export { startSendGridStandIn } from './sendgrid-stand-in.js'
export type { SendGridMail, SendGridStandIn } from './sendgrid-stand-in.js'
export { startWebPushReceiver } from './web-push-receiver.js'
export type {
  BrowserSubscription, PushReplyFn, WebPushMessage, WebPushReceiver
} from './web-push-receiver.js'
export {
  decryptWebPush, verifyVapid, WebPushCheckError
} from './web-push-crypto.js'
export type { VapidClaims } from './web-push-crypto.js'
export { scratchDatabaseUrl } from './scratch-database.js'
