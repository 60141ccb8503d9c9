import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import Fastify from 'fastify'
import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import { PlatformClient } from '../src/index.js'
import type { PlatformClientOptions } from '../src/index.js'

/** A request the fake platform received. */
export interface SeenRequest {
  method: string
  url: string
  authorization: string | undefined
}

/** A tiny stand-in for the platform, listening on port 0. */
export interface FakePlatform {
  app: FastifyInstance
  url: string
  seen: SeenRequest[]
}

/** A platform fixture envelope from test/fixtures. */
export function fixture (name: string): { data: Record<string, unknown> } {
  const url = new URL(`./fixtures/${name}.json`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as {
    data: Record<string, unknown>
  }
}

/** `{status: 'success', data}`, the platform's success envelope. */
export function success (data: unknown): { status: string; data: unknown } {
  return { status: 'success', data }
}

/** The platform's error envelope. */
export function failure (
  message: string, data: unknown = null
): { status: string; message: string; data: unknown } {
  return { status: 'error', message, data }
}

/**
 * Starts a fake platform whose routes `setup` declares; it records every
 * request and is closed when the test ends.
 */
export async function startFakePlatform (
  t: Test, setup: (app: FastifyInstance) => void
): Promise<FakePlatform> {
  const app = Fastify({ forceCloseConnections: true })
  const seen: SeenRequest[] = []
  app.addHook('onRequest', async (request) => {
    seen.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.authorization
    })
  })
  setup(app)
  await app.listen({ port: 0, host: '127.0.0.1' })
  t.teardown(() => app.close())
  const { port } = app.server.address() as AddressInfo
  return { app, url: `http://127.0.0.1:${port}`, seen }
}

/** A client of `url`, closed when the test ends. */
export function clientFor (
  t: Test, url: string, options: Partial<PlatformClientOptions> = {}
): PlatformClient {
  const client = new PlatformClient({ baseUrl: url, ...options })
  t.teardown(() => client.close())
  return client
}

/** A local URL nothing listens on (a port just released). */
export async function closedPortUrl (): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}`
}
