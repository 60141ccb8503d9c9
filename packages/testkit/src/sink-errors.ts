/** Base class of the SMTP sink's errors; `code` is stable. */
export class SinkError extends Error {
  readonly code: string

  constructor (code: string, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
    this.code = code
  }
}

/** `waitForMessages` gave up before enough messages were accepted. */
export class SinkTimeoutError extends SinkError {
  constructor (expected: number, received: number, timeoutMs: number) {
    super(
      'HERALD_ERR_TESTKIT_SINK_TIMEOUT',
      `smtp sink: expected ${expected} message(s) within ${timeoutMs} ms, ` +
        `received ${received}`
    )
  }
}

/** The sink was closed while a caller still waited for messages. */
export class SinkClosedError extends SinkError {
  constructor (expected: number, received: number) {
    super(
      'HERALD_ERR_TESTKIT_SINK_CLOSED',
      `smtp sink: closed while waiting for ${expected} message(s), ` +
        `received ${received}`
    )
  }
}
