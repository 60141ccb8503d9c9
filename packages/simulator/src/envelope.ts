import type { FieldErrors } from './errors.js'

/** The platform's success envelope. */
export interface SuccessBody<T> {
  status: 'success'
  data: T
}

/** The platform's error envelope. */
export interface ErrorBody {
  status: 'error'
  message: string
  data: FieldErrors
}

/** Wraps data the way every platform success response does. */
export function success<T> (data: T): SuccessBody<T> {
  return { status: 'success', data }
}

/** Builds the platform's error body. */
export function failure (message: string, data: FieldErrors = {}): ErrorBody {
  return { status: 'error', message, data }
}
