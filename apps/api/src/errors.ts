/**
 * The API's error catalogue. Every error a client can see has a stable
 * code and status; the error handler turns it into the platform's error
 * envelope `{"status":"error","message":...,"data":{field:[...]}}`.
 */
export type FieldErrors = Record<string, string[]>

export class ApiError extends Error {
  readonly code: string
  readonly statusCode: number
  readonly data: FieldErrors

  constructor (
    code: string,
    statusCode: number,
    message: string,
    data: FieldErrors = {},
    options?: ErrorOptions
  ) {
    super(message, options)
    this.name = 'ApiError'
    this.code = code
    this.statusCode = statusCode
    this.data = data
  }
}

/** Field errors joined the way the platform joins them. */
export function fieldMessage (data: FieldErrors): string {
  return Object.entries(data)
    .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
    .join(' ')
}

const invalid = (code: string, field: string, message: string) =>
  new ApiError(code, 400, `${field}: ${message}`, { [field]: [message] })

export const Errors = {
  validation: (data: FieldErrors) =>
    new ApiError('HERALD_ERR_API_VALIDATION', 400, fieldMessage(data), data),
  invalidCompany: () =>
    invalid('HERALD_ERR_WEBHOOK_INVALID_COMPANY', 'company', 'Invalid company.'),
  inactiveCompany: () =>
    new ApiError('HERALD_ERR_AUTH_INACTIVE_COMPANY', 400, 'Inactive company.'),
  notServiceUser: () =>
    invalid(
      'HERALD_ERR_LIFECYCLE_NOT_ADMIN',
      'token',
      'The token must belong to an admin or service user.'
    ),
  notActivated: () =>
    invalid(
      'HERALD_ERR_LIFECYCLE_UNKNOWN_COMPANY',
      'company',
      'The company has not activated this extension.'
    ),
  permissionDenied: () =>
    new ApiError('HERALD_ERR_AUTH_PERMISSION_DENIED', 403, 'Permission denied.'),
  notFound: () => new ApiError('HERALD_ERR_API_NOT_FOUND', 404, 'Not found.'),
  bodyTooLarge: () =>
    new ApiError('HERALD_ERR_API_BODY_TOO_LARGE', 413, 'Request body is too large.'),
  unsupportedMedia: () =>
    new ApiError(
      'HERALD_ERR_API_UNSUPPORTED_MEDIA',
      415,
      'Unsupported media type: send application/json.'
    ),
  malformedJson: () =>
    new ApiError('HERALD_ERR_API_MALFORMED_JSON', 400, 'Malformed JSON body.'),
  malformedUrl: () =>
    new ApiError('HERALD_ERR_API_MALFORMED_URL', 400, 'Malformed URL.'),
  urlTooLong: () =>
    new ApiError('HERALD_ERR_API_URL_TOO_LONG', 414, 'A path segment of the URL is too long.'),
  bodyTooDeep: () =>
    new ApiError('HERALD_ERR_API_BODY_TOO_DEEP', 400, 'Request body is nested too deeply.'),
  rateLimited: () =>
    new ApiError('HERALD_ERR_API_RATE_LIMITED', 429, 'Too many requests, retry later.'),
  unauthorized: () =>
    new ApiError('HERALD_ERR_API_UNAUTHORIZED', 401, 'Authentication required.'),
  unavailable: (cause?: unknown) =>
    new ApiError(
      'HERALD_ERR_API_UNAVAILABLE',
      503,
      'Service temporarily unavailable, retry later.',
      {},
      { cause }
    )
} as const
