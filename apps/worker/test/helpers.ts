import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { connect, createServer, type Socket } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { Config } from '@herald/config'
import { createLogger } from '@herald/log'
import { startSmtpSink, type SinkMessage, type SmtpSink } from '@herald/testkit'
import { deliverWebhook, type DeliveryAttempt } from '@herald/simulator'
import { startApi, webhookSecret, type ApiHarness } from '../../api/test/helpers.js'
import { startWorker, type RunningWorker } from '../src/worker.js'

export const transactionEvent = JSON.parse(readFileSync(new URL(
  '../../../packages/simulator/fixtures/webhook-transaction-execute.json', import.meta.url
), 'utf8')) as { id: string, event: string, data: Record<string, unknown> }

export const paymentEmail = {
  type: 'email',
  name: 'Payment sent',
  event: 'transaction.execute',
  to_email: '{{ user.email }}',
  subject: 'You sent {{ currency.symbol }}{{ amount|money:currency.divisibility }}',
  text_message: 'Hi {{ user.first_name }}, {{ label }}: {{ amount|money:2 }} {{ currency.code }}.',
  html_message: '<p>Hi {{ user.first_name }}</p>'
}

export interface Stack extends ApiHarness {
  sink: SmtpSink
  secret: string
  worker: RunningWorker | null
  /** Worker settings the tests may start a worker process with. */
  workerEnv: Record<string, string>
  startWorker(): RunningWorker
  createNotification(payload?: object): Promise<number>
  sendEvent(id?: string | number, data?: Record<string, unknown>): Promise<DeliveryAttempt[]>
}

interface TapLike { teardown(fn: () => unknown): void }

/**
 * The whole product for one test company: simulated platform, API, SMTP
 * sink, and (on demand) an in-process worker.
 */
export async function startStack (
  t: TapLike,
  overrides: Record<string, string> = {}
): Promise<Stack> {
  const sink = await startSmtpSink()
  const settings = {
    SMTP_HOST: sink.host,
    SMTP_PORT: String(sink.port),
    DELIVERY_BACKOFF_MS: '50',
    WORKER_LOCK_MS: '2000',
    ...overrides
  }
  const api = await startApi(t, settings)
  await api.activate()
  const secret = await webhookSecret(api)
  const stack: Stack = {
    ...api,
    sink,
    secret,
    worker: null,
    workerEnv: envOf(api.config),
    startWorker () {
      const logger = createLogger({ level: 'silent' })
      const worker = startWorker(api.config, logger)
      stack.worker = worker
      t.teardown(() => worker.close())
      return worker
    },
    async createNotification (payload: object = paymentEmail) {
      const res = await api.call({
        method: 'POST', url: '/admin/notifications/', token: api.tokens.admin, payload
      })
      if (res.statusCode !== 201) throw new Error(`create failed: ${res.body}`)
      return res.json().data.id as number
    },
    async sendEvent (id = transactionEvent.id, data = transactionEvent.data) {
      const address = await api.app.listen({ port: 0, host: '127.0.0.1' }).catch(() => listening(api))
      return deliverWebhook({
        url: `${address}${api.config.API_BASE_PATH}/webhook/`,
        secret,
        id,
        event: transactionEvent.event,
        company: api.companyId,
        data,
        maxRetries: 3,
        retryDelayMs: () => 50
      })
    }
  }
  t.teardown(() => sink.close())
  return stack
}

function listening (api: ApiHarness): string {
  const address = api.app.server.address()
  if (!address || typeof address === 'string') throw new Error('api is not listening')
  return `http://127.0.0.1:${address.port}`
}

/** The configuration as environment variables, for a worker process. */
function envOf (config: Config): Record<string, string> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, String(v)]))
}

/** Polls until `check` holds or the time runs out. */
export async function eventually (
  check: () => Promise<boolean>,
  timeoutMs = 10_000
): Promise<void> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await check().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('condition not met in time')
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** How a child process ended: its code, or the signal that killed it. */
export interface ChildExit {
  code: number | null
  signal: NodeJS.Signals | null
}

/** A worker in a process of its own, started as in production. */
export interface WorkerProcess {
  readonly child: ChildProcess
  /** Settles once the process has exited. */
  readonly exited: Promise<ChildExit>
  /** Everything the process wrote to stderr so far. */
  stderr(): string
  /** Resolves once a log line with this `msg` was written (LOG_LEVEL). */
  logged(msg: string, timeoutMs?: number): Promise<void>
  /** Sends `signal` unless the process has already exited. */
  kill(signal: NodeJS.Signals): void
  /** SIGTERM, then the exit. */
  stop(): Promise<ChildExit>
}

/**
 * Runs `apps/worker/src/main.ts` with `process.env` plus `env`, less the
 * `unset` keys. A process still alive at teardown is killed, so a failed
 * test leaves none behind.
 */
export function spawnWorker (
  t: TapLike,
  env: Record<string, string>,
  unset: readonly string[] = []
): WorkerProcess {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env }
  for (const key of unset) delete childEnv[key]
  const child = spawn(process.execPath, [
    '--conditions=herald-source', '--import', 'tsx', 'apps/worker/src/main.ts'
  ], { cwd: REPO_ROOT, env: childEnv })
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }))
  })
  const lines = collectLines(child)
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const alive = () => child.exitCode === null && child.signalCode === null
  const kill = (signal: NodeJS.Signals) => { if (alive()) child.kill(signal) }
  t.teardown(async () => {
    kill('SIGKILL')
    await exited
  })
  return {
    child,
    exited,
    stderr: () => stderr,
    logged: (msg, timeoutMs) => eventually(
      async () => lines.some((line) => logMessage(line) === msg), timeoutMs
    ),
    kill,
    async stop () {
      kill('SIGTERM')
      return exited
    }
  }
}

function collectLines (child: ChildProcess): string[] {
  const lines: string[] = []
  let rest = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split('\n')
    rest = parts.pop() ?? ''
    lines.push(...parts)
  })
  return lines
}

function logMessage (line: string): unknown {
  try {
    return (JSON.parse(line) as { msg?: unknown }).msg
  } catch {
    return undefined
  }
}

/** The delivery a sink message was sent for (`X-Herald-Delivery`). */
export function deliveryIdOf (message: SinkMessage): string {
  const id = message.headers.get('x-herald-delivery')
  if (typeof id !== 'string') throw new Error('message has no delivery id')
  return id
}

/** A TCP relay to Redis that can go deaf, as a stalled network would. */
export interface RedisRelay {
  /** `redisUrl` with the relay's host and port. */
  readonly url: string
  /**
   * From now on, what clients send is dropped: Redis hears nothing more
   * from them, while replies to earlier commands still arrive.
   */
  freeze(): void
  close(): Promise<void>
}

/** Starts a {@link RedisRelay} on a free port in front of `redisUrl`. */
export async function startRedisRelay (redisUrl: string): Promise<RedisRelay> {
  const target = new URL(redisUrl)
  const sockets = new Set<Socket>()
  let frozen = false
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname)
    const drop = () => { client.destroy(); upstream.destroy() }
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.once('close', () => { sockets.delete(socket); drop() })
      socket.on('error', drop)
    }
    client.on('data', (chunk) => { if (!frozen) upstream.write(chunk) })
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('relay has no port')
  const url = new URL(redisUrl)
  url.hostname = '127.0.0.1'
  url.port = String(address.port)
  return {
    url: url.toString(),
    freeze: () => { frozen = true },
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    })
  }
}
