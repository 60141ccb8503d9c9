import type { FastifyBaseLogger, FastifyRequest } from 'fastify'
import { maskPhone } from '@herald/log'
import { maskText } from './mask-text.js'

/** A run of digits long enough to be (part of) a phone number. */
const DIGITS = /\d{7,}/g

function maskValue (value: string): string {
  return maskText(value).replace(DIGITS, (m) => maskPhone(m))
}

/**
 * A request URL fit for logs: the path as is, each query value masked.
 * Filters such as `recipient=` carry the very addresses and numbers the
 * logs must not hold.
 */
export function maskUrl (url: string): string {
  const mark = url.indexOf('?')
  if (mark < 0) return url
  const query = new URLSearchParams(url.slice(mark + 1))
  const masked = new URLSearchParams()
  for (const [name, value] of query) masked.append(name, maskValue(value))
  return `${url.slice(0, mark)}?${masked.toString()}`
}

/** Fastify's request fields, with {@link maskUrl} applied. */
export function serializeRequest (request: FastifyRequest) {
  return {
    method: request.method,
    url: maskUrl(request.url),
    host: request.host,
    remoteAddress: request.ip
  }
}

/** `logger` with request lines that carry no personal data. */
export function withMaskedRequests (logger: FastifyBaseLogger): FastifyBaseLogger {
  return logger.child({}, { serializers: { req: serializeRequest } })
}
