/** Codes the sink can refuse a message with: transient 4xx, permanent 5xx. */
export type SinkRejectCode = 451 | 421 | 452 | 550 | 551 | 552 | 553 | 554

/** The sink's answer to one DATA transaction. */
export type SinkReply =
  | { code: 250 }
  | { code: SinkRejectCode; message?: string }

/** Standard reply texts (RFC 5321 §4.2.2), used when a test gives none. */
const defaultMessages: Record<SinkRejectCode, string> = {
  421: 'Service not available, closing transmission channel',
  451: 'Requested action aborted: local error in processing',
  452: 'Requested action not taken: insufficient system storage',
  550: 'Requested action not taken: mailbox unavailable',
  551: 'User not local',
  552: 'Requested mail action aborted: exceeded storage allocation',
  553: 'Requested action not taken: mailbox name not allowed',
  554: 'Transaction failed'
}

/** An error smtp-server turns into a reply with this code. */
export interface SmtpReplyError extends Error {
  responseCode: number
}

/** Build the error that makes smtp-server answer DATA with `reply`. */
export function replyError (
  reply: Exclude<SinkReply, { code: 250 }>
): SmtpReplyError {
  const message = reply.message ?? defaultMessages[reply.code]
  return Object.assign(new Error(message), { responseCode: reply.code })
}
