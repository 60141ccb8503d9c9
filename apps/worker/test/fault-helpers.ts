import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import { applyMigrations } from '@herald/db'
import { deliverWebhook, type DeliveryAttempt } from '@herald/simulator'
import { scratchDatabaseUrl } from '@herald/testkit'
import { eventually, transactionEvent, type Stack } from './helpers.js'

interface TapLike { teardown(fn: () => unknown): void }

/** A port nothing listens on right now. */
export async function freePort (): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** A Redis server of the test's own, which it may stop and start again. */
export interface OwnRedis {
  readonly url: string
  /** Starts the server (again): empty unless `persistent`. */
  start(): Promise<void>
  /** Kills the server at once, as a crash would. */
  kill(): Promise<void>
}

/**
 * A `redis-server` on a free port, never the shared one. Without
 * `persistent` it keeps nothing across a restart (`--save ''
 * --appendonly no`); with it, an append-only file in a temporary folder,
 * synced on every write so a kill loses nothing.
 */
export async function ownRedis (t: TapLike, persistent = false): Promise<OwnRedis> {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'herald-redis-'))
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '',
    '--appendonly', persistent ? 'yes' : 'no', '--appendfsync', 'always',
    '--dir', dir]
  let child: ReturnType<typeof spawn> | null = null
  const url = `redis://127.0.0.1:${port}`
  async function kill (): Promise<void> {
    const running = child
    if (!running || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGKILL')
    await exited
  }
  async function start (): Promise<void> {
    child = spawn('redis-server', args, { stdio: 'ignore' })
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 })
    // Refused until the server is up: expected, not worth printing.
    probe.on('error', () => {})
    await eventually(async () => {
      await probe.connect().catch(() => {})
      return await probe.ping() === 'PONG'
    }).finally(() => probe.disconnect())
  }
  t.teardown(async () => {
    await kill()
    rmSync(dir, { recursive: true, force: true })
  })
  await start()
  return { url, start, kill }
}

/** A migrated database of the test's own, dropped at teardown. */
export async function ownDatabase (t: TapLike): Promise<string> {
  const url = scratchDatabaseUrl(t)
  const directory = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url))
  await applyMigrations({ databaseUrl: url, directory })
  return url
}

/** The stack's API, listening on a real port. */
export async function apiUrl (s: Stack): Promise<string> {
  const address = s.app.server.address()
  if (address && typeof address !== 'string') {
    return `http://127.0.0.1:${address.port}${s.config.API_BASE_PATH}`
  }
  const listening = await s.app.listen({ port: 0, host: '127.0.0.1' })
  return `${listening}${s.config.API_BASE_PATH}`
}

/**
 * Sends an event as the platform does, retrying every `delayMs` up to
 * `retries` times on anything but success.
 */
export async function platformSends (
  s: Stack,
  id: string,
  retries = 0,
  delayMs = 100
): Promise<DeliveryAttempt[]> {
  return deliverWebhook({
    url: `${await apiUrl(s)}/webhook/`,
    secret: s.secret,
    id,
    event: transactionEvent.event,
    company: s.companyId,
    data: transactionEvent.data,
    maxRetries: retries,
    retryDelayMs: () => delayMs
  })
}

/** The statuses of a sequence of attempts. */
export const statuses = (attempts: DeliveryAttempt[]) => attempts.map((a) => a.status)
