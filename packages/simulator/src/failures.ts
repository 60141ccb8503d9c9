import type { FastifyReply, FastifyRequest } from 'fastify'
import { failure } from './envelope.js'

/** A failure queued by `failNext`. */
export interface InjectedFailure {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Bad request.',
  401: 'Invalid token.',
  403: 'Permission denied.',
  404: 'Not found.',
  429: 'Request was throttled.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable.'
}

/** Queues of one-shot failures, keyed by path. */
export class FailureQueue {
  private readonly queued = new Map<string, InjectedFailure[]>()

  add (path: string, failure: InjectedFailure): void {
    const key = normalizePath(path)
    const list = this.queued.get(key) ?? []
    list.push(failure)
    this.queued.set(key, list)
  }

  /** Removes and returns the next failure for `path`, if any. */
  take (path: string): InjectedFailure | undefined {
    return this.queued.get(normalizePath(path))?.shift()
  }
}

// `/3/auth`, `/3/auth/` and `/3/auth/?x=1` name the same route.
export function normalizePath (path: string): string {
  const bare = path.split('?', 1)[0] ?? ''
  return bare.endsWith('/') ? bare : `${bare}/`
}

/** Answers a request with an injected failure. */
export function sendFailure (
  reply: FastifyReply,
  f: InjectedFailure
): FastifyReply {
  const body = f.body ?? failure(DEFAULT_MESSAGES[f.status] ?? 'Error.')
  return reply.code(f.status).headers(f.headers ?? {}).send(body)
}

/** The request's path without the query string. */
export function pathOf (request: FastifyRequest): string {
  return request.url.split('?', 1)[0] ?? request.url
}
