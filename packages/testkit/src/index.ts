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
