import type {
  FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError
} from 'fastify'
import { failure } from './envelope.js'
import { invalid, notFound, PlatformError } from './errors.js'
import type { FieldErrors } from './errors.js'

/**
 * Renders every error in the platform's envelope. 4xx text passes,
 * 5xx text is hidden, as the platform does.
 */
export function handleError (
  error: FastifyError | PlatformError,
  request: FastifyRequest,
  reply: FastifyReply
): FastifyReply {
  const known = toPlatformError(error)
  if (known !== undefined) {
    request.log.info({ code: known.code }, known.message)
    return reply.code(known.statusCode)
      .send(failure(known.message, known.data))
  }
  request.log.error({ err: error }, 'simulator route failed')
  return reply.code(500).send(failure('Internal server error.'))
}

function toPlatformError (
  error: FastifyError | PlatformError
): PlatformError | undefined {
  if (error instanceof PlatformError) return error
  if (error.validation !== undefined) {
    return invalid(fieldErrors(error.validation))
  }
  const status = error.statusCode ?? 500
  if (status >= 500) return undefined
  return new PlatformError(error.code, status, error.message)
}

function fieldErrors (list: FastifySchemaValidationError[]): FieldErrors {
  const out: FieldErrors = {}
  for (const e of list) {
    const field = fieldOf(e)
    const message = e.keyword === 'required'
      ? 'This field is required.'
      : `${e.message ?? 'Invalid value'}.`
    out[field] = [...(out[field] ?? []), message]
  }
  return out
}

function fieldOf (e: FastifySchemaValidationError): string {
  const missing = e.params.missingProperty
  if (typeof missing === 'string') return missing
  return e.instancePath.replace(/^\//, '') || 'non_field_errors'
}

/** Unknown routes answer the platform's 404. */
export function handleNotFound (
  _request: FastifyRequest,
  reply: FastifyReply
): FastifyReply {
  const error = notFound()
  return reply.code(error.statusCode).send(failure(error.message))
}
