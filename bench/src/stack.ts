import type { WriteStream } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Redis } from 'ioredis'
import { createQueues, createRedis, type Queues } from '@herald/queue'
import {
  createSimulator, defaultSeed, seedTokens, type Simulator
} from '@herald/simulator'
import { startSmtpSink, type SmtpSink } from '@herald/testkit'
import { createAcceptance, type Acceptance } from './acceptance.js'
import { startChild, waitForHttp, type Child } from './children.js'
import { openBenchDb, type BenchDb } from './database.js'
import { deletePrefix } from './redis-state.js'
import type { BenchSettings } from './settings.js'

/**
 * Public by design, for the bench database only (dropped every run): it
 * encrypts the tokens and secrets the bench's company stores.
 */
const BENCH_ENCRYPTION_KEY =
  Buffer.from('herald-bench-key-not-a-secret-00').toString('base64')

export const COMPANY = 'northwind'
export const TOKENS = seedTokens.northwind

/**
 * Everything a phase runs against: the fake platform and SMTP server in
 * this process, the real API and workers as child processes configured
 * only by environment variables, and the bench's view of the database
 * and Redis.
 */
export interface Stack {
  readonly settings: BenchSettings
  readonly log: WriteStream
  readonly sim: Simulator
  readonly sink: SmtpSink
  readonly acceptance: Acceptance
  readonly db: BenchDb
  readonly redis: Redis
  /** Producer-side queues, to count and empty them. */
  readonly queues: Queues
  /** `http://127.0.0.1:<port>` of the API (the port is kept on restart). */
  readonly apiBase: string
  readonly api: Child | null
  readonly workers: readonly Child[]
  /** The environment Herald's processes run with. */
  heraldEnv (): Record<string, string>
  startApi (nodeArgs?: string[]): Promise<Child>
  stopApi (): Promise<void>
  startWorkers (n: number, nodeArgs?: string[]): Child[]
  stopWorkers (): Promise<void>
  /** Empties events, deliveries and Herald's queues between phases. */
  clearTraffic (): Promise<void>
  close (): Promise<void>
}

export async function freePort (): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

export async function openStack (
  settings: BenchSettings,
  log: WriteStream
): Promise<Stack> {
  const sim = await createSimulator({ seed: defaultSeed() })
  await sim.listen(0)
  const acceptance = createAcceptance()
  const sink = await startSmtpSink({ onMessage: acceptance.record })
  // patient like a worker: the bench waits for Redis rather than failing
  const redis = createRedis(settings.redisUrl, 'worker')
  await deletePrefix(redis, settings.queuePrefix)
  const queues = createQueues({
    connection: redis,
    prefix: settings.queuePrefix,
    policy: { deliveryAttempts: 8, backoffMs: 2000 }
  })
  const db = openBenchDb(settings.databaseUrl)
  const port = await freePort()
  const apiBase = `http://127.0.0.1:${port}`
  let api: Child | null = null
  let workers: Child[] = []

  const heraldEnv = (): Record<string, string> => ({
    DATABASE_URL: settings.databaseUrl,
    ...(process.env.DATABASE_POOL_SIZE
      ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE }
      : {}),
    REDIS_URL: settings.redisUrl,
    PLATFORM_URL: sim.url,
    PUBLIC_URL: apiBase,
    HOST: '127.0.0.1',
    PORT: String(port),
    HERALD_ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
    QUEUE_PREFIX: settings.queuePrefix,
    SMTP_HOST: sink.host,
    SMTP_PORT: String(sink.port),
    REGISTER_WEBHOOKS: 'true',
    LOG_LEVEL: 'warn',
    // One load generator is one client address sending what a whole
    // platform would: the per-address limits would answer 429.
    WEBHOOK_RATE_LIMIT_MAX: '1000000000',
    RATE_LIMIT_MAX: '1000000000',
    // Two workers on one machine would fight over the metrics port.
    WORKER_METRICS_PORT: '0'
  })

  const child = (name: string, entry: string, nodeArgs: string[]) =>
    startChild({
      name,
      entry: join(settings.root, entry),
      env: heraldEnv(),
      cwd: settings.root,
      log,
      nodeArgs
    })

  return {
    settings,
    log,
    sim,
    sink,
    acceptance,
    db,
    redis,
    queues,
    apiBase,
    get api () { return api },
    get workers () { return workers },
    heraldEnv,
    async startApi (nodeArgs = []) {
      api = child('api', 'apps/api/src/server.ts', nodeArgs)
      await waitForHttp(`${apiBase}/api/`, api)
      return api
    },
    async stopApi () {
      await api?.stop()
      api = null
    },
    startWorkers (n, nodeArgs = []) {
      workers = Array.from({ length: n }, (_, i) =>
        child(`worker-${i + 1}`, 'apps/worker/src/main.ts', nodeArgs))
      return workers
    },
    async stopWorkers () {
      await Promise.all(workers.map((w) => w.stop()))
      workers = []
    },
    async clearTraffic () {
      await Promise.all([
        queues.events.obliterate({ force: true }),
        queues.deliveries.obliterate({ force: true }),
        queues.triggers.obliterate({ force: true })
      ])
      await db.clearTraffic()
      acceptance.reset()
      sink.reset()
    },
    async close () {
      await Promise.allSettled([...workers, ...(api ? [api] : [])]
        .map((c) => c.stop()))
      await Promise.allSettled([queues.close(), db.close(), sink.close(),
        sim.close()])
      redis.disconnect()
    }
  }
}
