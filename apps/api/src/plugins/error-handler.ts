import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ApiError, Errors } from '../errors.js'
import { toFieldErrors } from './validation.js'

interface ErrorBody {
  status: 'error'
  message: string
  data: Record<string, string[]>
}

const envelope = (error: ApiError): ErrorBody => ({
  status: 'error',
  message: error.message,
  data: error.data
})

/** Errors from Fastify itself that carry a client mistake. */
const fastifyClientErrors: Record<string, () => ApiError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: Errors.bodyTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: Errors.unsupportedMedia,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: Errors.malformedJson,
  FST_ERR_CTP_EMPTY_JSON_BODY: Errors.malformedJson,
  FST_ERR_CTP_INVALID_JSON_BODY: Errors.malformedJson,
  FST_ERR_BAD_URL: Errors.malformedUrl,
  FST_ERR_MAX_PARAM_LENGTH: Errors.urlTooLong
}

/** Anything with a 4xx/5xx status and a message it is safe to show. */
interface StatusError {
  statusCode: number
  message: string
  code?: string
  data?: unknown
  retryAfter?: string
}

function toApiError (error: FastifyError & Partial<StatusError>): ApiError {
  if (error instanceof ApiError) return error
  if (error.validation) {
    const data = toFieldErrors(error.validation, error.validationContext ?? 'body')
    return Errors.validation(data)
  }
  const known = error.code ? fastifyClientErrors[error.code] : undefined
  if (known) return known()
  if (error instanceof SyntaxError) return Errors.malformedJson()
  const status = error.statusCode
  if (status && status >= 400 && status < 500) {
    return new ApiError(error.code ?? 'HERALD_ERR_API_CLIENT', status, error.message)
  }
  if (status === 502 || status === 503) {
    return new ApiError(error.code ?? 'HERALD_ERR_API_UPSTREAM', status, error.message)
  }
  return new ApiError('HERALD_ERR_API_INTERNAL', 500, 'Internal server error.')
}

/**
 * Every error a request meets, in the platform's envelope. Also Fastify's
 * `frameworkErrors`: what the router refuses before any route runs (a URL
 * that does not decode, a path segment past `maxParamLength`).
 */
export function handleError (
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply
): FastifyReply {
  const api = toApiError(error)
  if (api.statusCode >= 500) {
    request.log.error({ err: error, code: api.code }, 'request failed')
  } else {
    request.log.info({ code: api.code, statusCode: api.statusCode }, 'request refused')
  }
  const retryAfter = (error as Partial<StatusError>).retryAfter
  if (retryAfter) void reply.header('retry-after', retryAfter)
  if (api.statusCode === 503) void reply.header('retry-after', '5')
  return reply.code(api.statusCode).send(envelope(api))
}

function handleNotFound (_request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.code(404).send(envelope(Errors.notFound()))
}

async function errorHandler (app: FastifyInstance): Promise<void> {
  app.setErrorHandler(handleError)
  app.setNotFoundHandler(handleNotFound)
}

export default fp(errorHandler, { name: 'herald-error-handler' })
