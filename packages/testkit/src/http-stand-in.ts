import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'

/** An HTTP answer a test forces on a stand-in instead of its own. */
export interface ForcedReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/**
 * Decides, per request (1-based `attempt`), whether to force an answer;
 * undefined lets the stand-in answer as the real service would.
 */
export type ReplyFn = (attempt: number) => ForcedReply | undefined

/** Sends a forced answer. */
export function sendForced (res: FastifyReply, forced: ForcedReply): FastifyReply {
  return res.code(forced.status).headers(forced.headers ?? {}).send(forced.body ?? {})
}

/** A Fastify app for a stand-in, parsing the bodies real clients send. */
export function standInApp (): FastifyInstance {
  const app = Fastify({ logger: false })
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))))
    }
  )
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer' },
    (_req, body, done) => { done(null, body) }
  )
  return app
}

/** Listens on a free port of 127.0.0.1 and returns the base URL. */
export async function listenLocal (app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (address === null || typeof address === 'string') {
    throw new Error('stand-in has no port')
  }
  return `http://127.0.0.1:${address.port}`
}
