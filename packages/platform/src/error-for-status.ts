import type { IncomingHttpHeaders } from 'node:http'
import { messageOf, type Envelope } from './envelope.js'
import {
  PlatformForbiddenError,
  PlatformNotFoundError,
  PlatformRateLimitedError,
  PlatformRequestError,
  PlatformUnauthorizedError,
  PlatformUnavailableError,
  type PlatformError
} from './errors.js'

/** What is known about a non-2xx platform answer. */
export interface FailedAnswer {
  /** e.g. `GET /3/auth/`, for the `cause` (no query, no secrets). */
  request: string
  status: number
  headers: IncomingHttpHeaders
  /** The parsed error body, or null when it was not an envelope. */
  envelope: Envelope | null
  /**
   * Whether a 404 means "the looked-up thing does not exist". Otherwise a
   * 404 means Herald is talking to the wrong place: an upstream fault.
   */
  notFoundIsLookup: boolean
}

function headerValue (
  headers: IncomingHttpHeaders, name: string
): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

function clientError (answer: FailedAnswer, cause: Error): PlatformError {
  const message = messageOf(answer.envelope)
  switch (answer.status) {
    case 401:
      return new PlatformUnauthorizedError(message, { cause })
    case 403:
      return new PlatformForbiddenError(message, { cause })
    case 404:
      return answer.notFoundIsLookup
        ? new PlatformNotFoundError(message, { cause })
        : new PlatformUnavailableError({ cause })
    case 429:
      return new PlatformRateLimitedError(message, {
        cause,
        retryAfter: headerValue(answer.headers, 'retry-after')
      })
    default:
      return new PlatformRequestError(message, {
        cause,
        data: answer.envelope?.['data']
      })
  }
}

/** Maps a non-2xx platform answer to the error Herald should raise. */
export function errorForStatus (answer: FailedAnswer): PlatformError {
  const cause = new Error(
    `platform answered ${answer.status} to ${answer.request}`
  )
  if (answer.status >= 400 && answer.status < 500) {
    return clientError(answer, cause)
  }
  return new PlatformUnavailableError({ cause })
}
