/** Field → messages, as in the platform's error `data`. */
export type FieldErrors = Record<string, string[]>

/**
 * An error the simulator answers with the platform's error envelope:
 * `{"status":"error","message":...,"data":{...}}`.
 */
export class PlatformError extends Error {
  readonly code: string
  readonly statusCode: number
  readonly data: FieldErrors

  constructor (
    code: string,
    statusCode: number,
    message: string,
    data: FieldErrors = {}
  ) {
    super(message)
    this.name = 'PlatformError'
    this.code = code
    this.statusCode = statusCode
    this.data = data
  }
}

/** 401: the token is missing or unknown. */
export function unauthenticated (message = 'Invalid token.'): PlatformError {
  return new PlatformError('HERALD_ERR_SIM_UNAUTHENTICATED', 401, message)
}

/** 403: the user lacks group admin or service. */
export function permissionDenied (): PlatformError {
  return new PlatformError(
    'HERALD_ERR_SIM_FORBIDDEN', 403, 'Permission denied.'
  )
}

/** 404: unknown, or belongs to another company. */
export function notFound (message = 'Not found.'): PlatformError {
  return new PlatformError('HERALD_ERR_SIM_NOT_FOUND', 404, message)
}

/** 400 with field errors; the message joins them like the platform does. */
export function invalid (data: FieldErrors): PlatformError {
  return new PlatformError(
    'HERALD_ERR_SIM_INVALID', 400, joinFieldErrors(data), data
  )
}

function joinFieldErrors (data: FieldErrors): string {
  return Object.entries(data)
    .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
    .join(' ')
}

/** Thrown when `url` is read before `listen()` resolved. */
export class SimulatorNotListeningError extends Error {
  readonly code = 'HERALD_ERR_SIM_NOT_LISTENING'

  constructor () {
    super('simulator is not listening; call listen() first')
    this.name = 'SimulatorNotListeningError'
  }
}

/** Every code this package throws, for the uniqueness test. */
export const errorCodes = [
  'HERALD_ERR_SIM_UNAUTHENTICATED',
  'HERALD_ERR_SIM_FORBIDDEN',
  'HERALD_ERR_SIM_NOT_FOUND',
  'HERALD_ERR_SIM_INVALID',
  'HERALD_ERR_SIM_NOT_LISTENING'
] as const
