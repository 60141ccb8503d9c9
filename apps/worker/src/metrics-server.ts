import { createHash, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Registry } from 'prom-client'

export interface MetricsServerOptions {
  registry: Registry
  host: string
  /** 0 picks a free port (tests). */
  port: number
  /** When not empty, a scrape needs `Authorization: Bearer <token>`. */
  token: string
}

/** A listening metrics endpoint. */
export interface MetricsServer {
  readonly port: number
  close(): Promise<void>
}

const digest = (value: string) => createHash('sha256').update(value).digest()

function authorized (request: IncomingMessage, token: string): boolean {
  if (token === '') return true
  const given = /^\s*bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1]
  return given !== undefined && timingSafeEqual(digest(given), digest(token))
}

function reply (res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type }).end(body)
}

/**
 * The worker's `GET /metrics` (Prometheus text) and `GET /health`. The
 * worker has no other HTTP surface, so this is a bare Node server.
 */
export async function startMetricsServer (
  options: MetricsServerOptions
): Promise<MetricsServer> {
  const { registry, token } = options
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]
    if (req.method !== 'GET') return reply(res, 405, 'text/plain', 'method not allowed\n')
    if (path === '/health') return reply(res, 200, 'application/json', '{"status":"ok"}')
    if (path !== '/metrics') return reply(res, 404, 'text/plain', 'not found\n')
    if (!authorized(req, token)) return reply(res, 401, 'text/plain', 'unauthorized\n')
    registry.metrics().then(
      (body) => reply(res, 200, registry.contentType, body),
      () => reply(res, 500, 'text/plain', 'metrics unavailable\n')
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  }
}
