/** Redis did not take a job in time: nothing is known to be queued. */
export class QueueUnavailableError extends Error {
  readonly code = 'HERALD_ERR_QUEUE_UNAVAILABLE'
  readonly statusCode = 503

  constructor (queue: string, timeoutMs: number) {
    super(`queue ${queue} did not answer within ${timeoutMs} ms`)
    this.name = 'QueueUnavailableError'
  }
}
