/**
 * One catalogue of the errors this package throws. Each `statusCode` is the
 * status Herald should answer its own caller with, not the platform's.
 */
export const PLATFORM_ERROR_CODES = {
  HERALD_ERR_PLATFORM_UNAUTHORIZED:
    'the platform rejected the token (401)',
  HERALD_ERR_PLATFORM_FORBIDDEN:
    'the platform denied the call (403)',
  HERALD_ERR_PLATFORM_RATE_LIMITED:
    'the platform throttled the call (429); retryAfter is passed on',
  HERALD_ERR_PLATFORM_NOT_FOUND:
    'the looked-up user or resource does not exist (404)',
  HERALD_ERR_PLATFORM_BAD_REQUEST:
    'the platform refused the request (other 4xx)',
  HERALD_ERR_PLATFORM_UNAVAILABLE:
    '5xx, timeout, network failure or a malformed answer'
} as const

/** A code from {@link PLATFORM_ERROR_CODES}. */
export type PlatformErrorCode = keyof typeof PLATFORM_ERROR_CODES

/** Options shared by every platform error. */
export interface PlatformErrorOptions {
  /** The lower-level error or fact this error wraps. */
  cause?: unknown
}

/** Base class: catch this to handle any platform failure. */
export abstract class PlatformError extends Error {
  abstract readonly code: PlatformErrorCode
  abstract readonly statusCode: number

  constructor (message: string, options: PlatformErrorOptions = {}) {
    super(message, { cause: options.cause })
    this.name = new.target.name
  }
}

/** The platform answered 401 to the token. */
export class PlatformUnauthorizedError extends PlatformError {
  readonly code = 'HERALD_ERR_PLATFORM_UNAUTHORIZED'
  readonly statusCode = 401

  constructor (message = 'Invalid token.', options?: PlatformErrorOptions) {
    super(message, options)
  }
}

/** The platform answered 403; its message passes through. */
export class PlatformForbiddenError extends PlatformError {
  readonly code = 'HERALD_ERR_PLATFORM_FORBIDDEN'
  readonly statusCode = 403

  constructor (message = 'Permission denied.', options?: PlatformErrorOptions) {
    super(message, options)
  }
}

/** Options of {@link PlatformRateLimitedError}. */
export interface RateLimitedOptions extends PlatformErrorOptions {
  /** The platform's `Retry-After` header value, to pass on unchanged. */
  retryAfter?: string
}

/** The platform answered 429. */
export class PlatformRateLimitedError extends PlatformError {
  readonly code = 'HERALD_ERR_PLATFORM_RATE_LIMITED'
  readonly statusCode = 429
  readonly retryAfter: string | undefined

  constructor (
    message = 'Request was throttled.',
    options: RateLimitedOptions = {}
  ) {
    super(message, options)
    this.retryAfter = options.retryAfter
  }
}

/** A looked-up user or resource does not exist on the platform. */
export class PlatformNotFoundError extends PlatformError {
  readonly code = 'HERALD_ERR_PLATFORM_NOT_FOUND'
  readonly statusCode = 404

  constructor (message = 'Not found.', options?: PlatformErrorOptions) {
    super(message, options)
  }
}

/** Options of {@link PlatformRequestError}. */
export interface RequestErrorOptions extends PlatformErrorOptions {
  /** The platform's `data` (usually field errors), if any. */
  data?: unknown
}

/** The platform refused the request with a 4xx other than 401/403/404/429. */
export class PlatformRequestError extends PlatformError {
  readonly code = 'HERALD_ERR_PLATFORM_BAD_REQUEST'
  readonly statusCode = 400
  readonly data: unknown

  constructor (message = 'Bad request.', options: RequestErrorOptions = {}) {
    super(message, options)
    this.data = options.data
  }
}

/**
 * The platform could not be used: 5xx, timeout, refused connection or an
 * answer that is not a platform envelope. The message is fixed so upstream
 * bodies never reach Herald's callers; details live in `cause`.
 */
export class PlatformUnavailableError extends PlatformError {
  readonly code = 'HERALD_ERR_PLATFORM_UNAVAILABLE'
  readonly statusCode = 502

  constructor (options?: PlatformErrorOptions) {
    super('Platform unavailable.', options)
  }
}
