// `npm run demo`: the whole product end to end on this machine. A simulated
// platform activates company `northwind`, an admin creates an email
// notification, the platform sends a `transaction.execute` webhook, and the
// real API and worker (child processes, configured only by environment
// variables) turn it into an email caught by a local SMTP sink.
//
// Needs PostgreSQL and Redis; DEMO_DATABASE_URL (a full connection string,
// database included) and REDIS_URL override the defaults below. It reads no
// DATABASE_URL, so it never touches a real database. The demo database
// persists, so every run starts by purging what the previous one left.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { applyMigrations } from '@herald/db'
import { createRedis } from '@herald/queue'
import {
  createSimulator, defaultSeed, seedTokens, type Simulator
} from '@herald/simulator'
import { startSmtpSink, type SinkMessage, type SmtpSink } from '@herald/testkit'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DATABASE_URL = process.env.DEMO_DATABASE_URL ??
  'postgresql://postgres@127.0.0.1:5432/herald_demo'
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
/**
 * Public by design, for the demo database only. It must not change between
 * runs: stored tokens and secrets are encrypted with it.
 */
const DEMO_ENCRYPTION_KEY =
  Buffer.from('herald-demo-key-not-a-secret-000').toString('base64')
const COMPANY = 'northwind'
const TOKENS = seedTokens.northwind
const EVENT = 'transaction.execute'
const API_READY_MS = 30_000
const EMAIL_WAIT_MS = 20_000
const STOP_GRACE_MS = 15_000

const fixture = JSON.parse(readFileSync(new URL(
  '../packages/simulator/fixtures/webhook-transaction-execute.json',
  import.meta.url
), 'utf8')) as { data: Record<string, unknown> }

/** The notification an admin would create in the dashboard. */
const notification = {
  type: 'email',
  name: 'Payment sent',
  description: 'Created by npm run demo',
  event: EVENT,
  to_email: '{{ user.email }}',
  subject: '{{ label }}: {{ total_amount|money:currency.divisibility }} ' +
    '{{ currency.code }}',
  text_message: [
    'Hi {{ user.first_name }},',
    '',
    '{{ label }} ({{ note }}).',
    '',
    '  Amount:  {{ amount|money:currency.divisibility }} {{ currency.code }}',
    '  Fee:     {{ fee|money:currency.divisibility }} {{ currency.code }}',
    '  Total:   {{ total_amount|money:currency.divisibility }} ' +
      '{{ currency.code }}',
    '  Balance: {{ currency.symbol }}' +
      '{{ balance|money:currency.divisibility }}',
    '',
    'Reference {{ id }}'
  ].join('\n'),
  html_message: '<p>Hi {{ user.first_name }},</p>' +
    '<p>{{ label }}: <b>{{ total_amount|money:currency.divisibility }} ' +
    '{{ currency.code }}</b></p>'
}

class DemoError extends Error {
  override name = 'DemoError'
}

// ---------------------------------------------------------------- output

/** Whether the last output ended mid-line, i.e. a step awaits its result. */
let lineOpen = false

function say (text: string): void {
  process.stdout.write(text)
  lineOpen = !text.endsWith('\n')
}

function step (n: number, text: string): void {
  say(`${n}. ${text} ... `)
}

function detail (text: string): void {
  say(`   ${text}`.trimEnd() + '\n')
}

// ---------------------------------------------------------------- children

interface Child {
  name: string
  proc: ChildProcess
  exited: Promise<number | null>
}

let stopping = false
const children: Child[] = []
let rejectCrash: (err: Error) => void = () => {}
/** Rejects as soon as a child exits before the demo asks it to. */
const crashed = new Promise<never>((_resolve, reject) => {
  rejectCrash = reject
})
crashed.catch(() => {})

/** Races `work` against an early exit of the API or the worker. */
function guarded<T> (work: Promise<T>): Promise<T> {
  return Promise.race([work, crashed])
}

function startChild (
  name: string,
  entry: string,
  env: Record<string, string>
): Child {
  const proc = spawn(process.execPath, [
    '--conditions=herald-source', '--import', 'tsx', entry
  ], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'pipe' })
  prefixLines(proc.stdout, name)
  prefixLines(proc.stderr, name)
  const exited = new Promise<number | null>((resolve) => {
    proc.once('exit', (code, signal) => {
      if (!stopping) {
        rejectCrash(new DemoError(`the ${name} exited early (${
          signal ?? `code ${String(code)}`}); its output is above`))
      }
      resolve(code)
    })
  })
  const child = { name, proc, exited }
  children.push(child)
  return child
}

/** Child output goes to our stderr, each line marked with its source. */
function prefixLines (stream: NodeJS.ReadableStream | null, name: string): void {
  if (stream === null) return
  const lines = createInterface({ input: stream })
  lines.on('line', (line) => process.stderr.write(`[${name}] ${line}\n`))
}

/** SIGTERM, then SIGKILL if the child outlives the grace period. */
async function stopChild (child: Child): Promise<number | null> {
  if (child.proc.exitCode === null && child.proc.signalCode === null) {
    child.proc.kill('SIGTERM')
  }
  const late = sleep(STOP_GRACE_MS).then(() => 'late' as const)
  if (await Promise.race([child.exited, late]) === 'late') {
    process.stderr.write(`[demo] ${child.name} ignored SIGTERM, killing it\n`)
    child.proc.kill('SIGKILL')
  }
  return child.exited
}

async function stopChildren (): Promise<(number | null)[]> {
  stopping = true
  return Promise.all(children.map(stopChild))
}

// ---------------------------------------------------------------- helpers

async function freePort (): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** A connection string safe to print. */
function redacted (url: string): string {
  const parsed = new URL(url)
  if (parsed.password !== '') parsed.password = '***'
  return parsed.toString()
}

/**
 * The message with its causes: fetch says only "fetch failed", and an
 * AggregateError (every address refused) has an empty message.
 */
function reasonOf (err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  if (err instanceof AggregateError && err.message === '') {
    return err.errors.map(reasonOf).join('; ')
  }
  return err.cause === undefined
    ? err.message
    : `${err.message}: ${reasonOf(err.cause)}`
}

async function checkRedis (url: string): Promise<void> {
  const redis = createRedis(url, 'producer', {
    lazyConnect: true, retryStrategy: () => null
  })
  // connect() only rejects with "Connection is closed"; the reason (refused,
  // unknown host, not Redis) arrives as an 'error' event
  let reason: Error | undefined
  redis.on('error', (err: Error) => { reason = err })
  try {
    await redis.connect()
    await redis.ping()
  } catch (err) {
    const cause = reason ?? err
    throw new DemoError(`Redis is not reachable at ${redacted(url)}: ${
      reasonOf(cause)}`, { cause })
  } finally {
    redis.disconnect()
  }
}

/** Any HTTP answer (a 404 envelope for GET /api/) means it is listening. */
async function waitForHttp (url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) })
      return
    } catch {
      await sleep(200)
    }
  }
  throw new DemoError(`the API did not answer at ${url} within ${
    timeoutMs / 1000} s`)
}

interface ApiAnswer { status: number, body: unknown }

async function callApi (
  base: string,
  path: string,
  payload: object,
  token?: string
): Promise<ApiAnswer> {
  const res = await fetch(`${base}/api${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Token ${token}` })
    },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(10_000)
  }).catch((err: unknown) => {
    throw new DemoError(`POST /api${path} failed: ${reasonOf(err)}`,
      { cause: err })
  })
  const text = await res.text()
  let body: unknown = text
  try { body = JSON.parse(text) } catch { /* not JSON: keep the text */ }
  return { status: res.status, body }
}

function expectStatus (what: string, answer: ApiAnswer, status: number): void {
  if (answer.status === status) return
  throw new DemoError(`${what} answered HTTP ${answer.status}: ${
    JSON.stringify(answer.body)}`)
}

function headerText (message: SinkMessage, name: string): string {
  const value = message.headers.get(name)
  if (value instanceof Date) return value.toUTCString()
  if (typeof value === 'string') return value
  if (value !== null && typeof value === 'object' && 'text' in value) {
    return String(value.text)
  }
  return ''
}

function printMessage (message: SinkMessage): void {
  const headers: [string, string][] = [
    ['From', 'from'], ['To', 'to'], ['Subject', 'subject'],
    ['Message-ID', 'message-id'], ['Date', 'date']
  ]
  for (const [label, name] of headers) {
    detail(`${`${label}:`.padEnd(12)}${headerText(message, name)}`)
  }
  detail('')
  for (const line of message.text.trimEnd().split('\n')) detail(`| ${line}`)
}

// ---------------------------------------------------------------- the demo

interface Services { sim?: Simulator, sink?: SmtpSink }

async function migrate (): Promise<void> {
  const name = new URL(DATABASE_URL).pathname.slice(1)
  step(1, `Migrating database ${name}`)
  const applied = await applyMigrations({
    databaseUrl: DATABASE_URL,
    directory: fileURLToPath(new URL('../prisma/migrations', import.meta.url))
  }).catch((err: unknown) => {
    throw new DemoError(`cannot migrate ${redacted(DATABASE_URL)}: ${
      reasonOf(err)}`, { cause: err })
  })
  say(applied.length === 0
    ? 'done (already up to date)\n'
    : `done (${applied.length} migration(s) applied)\n`)
  say(`   Checking Redis at ${redacted(REDIS_URL)} ... `)
  await checkRedis(REDIS_URL)
  say('ok\n')
}

async function startFakes (services: Services): Promise<void> {
  step(2, 'Starting the platform simulator and an SMTP sink')
  services.sim = await createSimulator({ seed: defaultSeed() })
  await services.sim.listen(0)
  services.sink = await startSmtpSink()
  say('done\n')
  detail(`platform simulator: ${services.sim.url}`)
  detail(`SMTP sink:          smtp://${services.sink.host}:${services.sink.port}`)
}

async function startHerald (sim: Simulator, sink: SmtpSink): Promise<string> {
  step(3, 'Starting the Herald API and worker (child processes)')
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const env = {
    DATABASE_URL,
    REDIS_URL,
    PLATFORM_URL: sim.url,
    PUBLIC_URL: base,
    HOST: '127.0.0.1',
    PORT: String(port),
    HERALD_ENCRYPTION_KEY: DEMO_ENCRYPTION_KEY,
    QUEUE_PREFIX: 'herald-demo',
    SMTP_HOST: sink.host,
    SMTP_PORT: String(sink.port),
    REGISTER_WEBHOOKS: 'true',
    LOG_LEVEL: 'warn',
    DELIVERY_BACKOFF_MS: '200'
  }
  startChild('api', 'apps/api/src/server.ts', env)
  startChild('worker', 'apps/worker/src/main.ts', env)
  await guarded(waitForHttp(`${base}/api/`, API_READY_MS))
  say('done\n')
  detail(`API: ${base}/api/  (pids: ${children.map((c) =>
    `${c.name} ${String(c.proc.pid)}`).join(', ')})`)
  return base
}

async function cleanPreviousRun (base: string): Promise<void> {
  step(4, `Removing what a previous run left for company ${COMPANY}`)
  const answer = await callApi(base, '/deactivate/',
    { token: TOKENS.service, purge: true })
  // 400: the company never activated, i.e. nothing to remove
  if (answer.status === 400) return say('nothing to remove\n')
  expectStatus('POST /api/deactivate/', answer, 200)
  say('done (deactivated and purged)\n')
}

async function activate (base: string, sim: Simulator): Promise<void> {
  step(5, `Activating Herald for ${COMPANY}, as the platform does`)
  const answer = await callApi(base, '/activate/', { token: TOKENS.service })
  expectStatus('POST /api/activate/', answer, 200)
  const mine = sim.webhooks.filter((w) => w.company === COMPANY)
  say('done\n')
  const urls = [...new Set(mine.map((w) => w.url))].join(', ')
  detail(`${mine.length} webhooks registered with the platform, one per event`)
  detail(`all point at ${urls}`)
  const hook = mine.find((w) => w.event === EVENT)
  detail(`${EVENT}: ${hook === undefined ? 'MISSING' : 'registered'}`)
}

async function createNotification (base: string): Promise<void> {
  step(6, `Creating an email notification for ${EVENT} (as an admin)`)
  const answer = await callApi(base, '/admin/notifications/', notification,
    TOKENS.admin)
  expectStatus('POST /api/admin/notifications/', answer, 201)
  const { data } = answer.body as { data: { id: number } }
  say(`done (notification id ${data.id})\n`)
  detail(`subject template: ${notification.subject}`)
}

async function sendEvent (sim: Simulator): Promise<void> {
  step(7, `The platform sends a ${EVENT} webhook`)
  const hook = sim.webhooks.find((w) =>
    w.company === COMPANY && w.event === EVENT)
  if (hook === undefined) {
    throw new DemoError(`no webhook was registered for ${EVENT}`)
  }
  // A fresh id each run: the platform never repeats one for a new event.
  const attempts = await guarded(sim.deliverWebhook({
    url: hook.url,
    secret: hook.secret,
    id: randomUUID(),
    event: EVENT,
    company: COMPANY,
    data: fixture.data,
    maxRetries: 2,
    retryDelayMs: () => 500
  }))
  const last = attempts.at(-1)
  if (last?.status !== 200) {
    throw new DemoError(`the webhook was not accepted after ${
      attempts.length} attempt(s): ${last?.status === null
      ? last.error : `HTTP ${String(last?.status)} ${last?.body}`}`)
  }
  say(`HTTP ${last.status}\n`)
  detail(`POST ${hook.url}  (Authorization: Secret <registered secret>)`)
}

async function receiveEmail (sink: SmtpSink): Promise<void> {
  step(8, 'Waiting for the worker to send the email')
  const [message] = await guarded(sink.waitForMessages(1, EMAIL_WAIT_MS))
    .catch((err: unknown) => {
      if (err instanceof DemoError) throw err
      throw new DemoError(`no email reached the SMTP sink within ${
        EMAIL_WAIT_MS / 1000} s`, { cause: err })
    })
  if (message === undefined) throw new DemoError('the sink returned no message')
  say('received\n')
  printMessage(message)
}

async function shutDown (): Promise<void> {
  step(9, 'Stopping the API and worker (SIGTERM)')
  const codes = await stopChildren()
  const failed = children.filter((_c, i) => codes[i] !== 0)
  if (failed.length > 0) {
    throw new DemoError(`not a clean stop: ${children.map((c, i) =>
      `${c.name} exited ${String(codes[i])}`).join(', ')}`)
  }
  say(`done (${children.map((c) => `${c.name} exited 0`).join(', ')})\n`)
}

async function run (services: Services): Promise<void> {
  await migrate()
  await startFakes(services)
  const { sim, sink } = services as Required<Services>
  const base = await startHerald(sim, sink)
  await cleanPreviousRun(base)
  await activate(base, sim)
  await createNotification(base)
  await sendEvent(sim)
  await receiveEmail(sink)
  await shutDown()
}

async function closeAll (services: Services): Promise<void> {
  await stopChildren()
  await Promise.allSettled([services.sink?.close(), services.sim?.close()])
}

async function main (): Promise<number> {
  const services: Services = {}
  let interrupted = false
  const interrupt = (signal: NodeJS.Signals): void => {
    interrupted = true
    process.stderr.write(`\n[demo] ${signal}: stopping\n`)
    void closeAll(services).then(() => process.exit(130))
  }
  process.once('SIGINT', interrupt)
  process.once('SIGTERM', interrupt)
  say('Herald demo: platform webhook in, email out\n\n')
  try {
    await run(services)
    say('\nDemo finished: the event became an email.\n')
    return 0
  } catch (err) {
    // what fails after an interrupt is only the interrupt's doing
    if (interrupted) return 130
    if (lineOpen) say('FAILED\n')
    if (err instanceof DemoError) {
      process.stderr.write(`\n[demo] error: ${err.message}\n`)
    } else {
      // not foreseen: the stack helps whoever reports it
      process.stderr.write(`\n[demo] error: ${reasonOf(err)}\n`)
      if (err instanceof Error) process.stderr.write(`${String(err.stack)}\n`)
    }
    return 1
  } finally {
    await closeAll(services)
  }
}

process.exit(await main())
