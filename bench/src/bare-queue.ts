/** The queue the bench fills for the bare worker (under QUEUE_PREFIX). */
export const BARE_QUEUE = 'bare-deliveries'

/** What the bare worker sends for every job. */
export interface PreparedEmail {
  from: string
  to: string
  subject: string
  text: string
  html: string
}
