import { join } from 'node:path'
import { Queue } from 'bullmq'
import { deliveryJobOptions } from '@herald/queue'
import { BARE_QUEUE, type PreparedEmail } from './bare-queue.js'
import { startChild, type Child } from './children.js'
import { runLoad } from './load.js'
import { cpuMeter, type CpuUse } from './proc-stats.js'
import { count, type Progress } from './progress.js'
import { webhookBody } from './scenario.js'
import type { Stack } from './stack.js'
import { round } from './stats.js'

/** One delivery run: N events from the queue to the SMTP sink. */
export interface DeliveryRun {
  label: string
  workers: number
  events: number
  /**
   * The figure: (events − 1) / (last acceptance − first acceptance), so
   * process start-up is left out.
   */
  eventsPerSecond: number
  firstToLastS: number
  /** From spawning the worker(s) to the last acceptance. */
  startToLastS: number
  /** CPU used from the first acceptance to the last. */
  cpu: CpuUse
  /** How the events were queued: through the API (Herald) or directly. */
  loadedPerSecond: number
}

const DELIVERY_TIMEOUT_MS = 300_000
const BULK = 1000

/**
 * Herald's path: `events` transaction.execute webhooks go through the API
 * with no worker running, then the worker(s) start and turn each into one
 * email; the clock runs from the first email accepted to the last.
 */
export async function runHeraldDelivery (
  stack: Stack,
  progress: Progress,
  run: { workers: number, events: number, secret: string, nodeArgs?: string[] }
): Promise<DeliveryRun> {
  const { workers, events, secret } = run
  const label = `Herald, ${workers} worker${workers > 1 ? 's' : ''}`
  await stack.clearTraffic()
  const load = await queueThroughApi(stack, progress, label, events, secret)
  const spawnedAt = performance.now()
  const children = stack.startWorkers(workers, run.nodeArgs ?? [])
  const cpu = await waitForEmails(stack, progress, label, children, events)
  await stack.stopWorkers()
  const sent = await stack.db.deliveries('sent')
  if (sent !== events) {
    throw new Error(`${label}: ${sent} deliveries recorded sent, not ${events}`)
  }
  return summarise(stack, label, workers, spawnedAt, cpu, load)
}

async function queueThroughApi (
  stack: Stack,
  progress: Progress,
  label: string,
  events: number,
  secret: string
): Promise<number> {
  const result = await runLoad({
    url: `${stack.apiBase}/api/webhook/`,
    bodies: [webhookBody(stack.settings.root, 'transaction.execute')],
    headers: { authorization: `Secret ${secret}` },
    connections: stack.settings.connections,
    amount: events,
    onTick: (n) => progress.status(
      `${label}: queueing ${count(n)}/${count(events)} webhooks`)
  })
  if (result.failed > 0 || result.ok !== events) {
    throw new Error(`${label}: ${result.failed} of ${events} webhooks failed`)
  }
  const waiting = await stack.queues.events.getWaitingCount()
  if (waiting !== events) {
    throw new Error(`${label}: ${waiting} event jobs waiting, not ${events}`)
  }
  return result.perSecond
}

async function waitForEmails (
  stack: Stack,
  progress: Progress,
  label: string,
  children: readonly Child[],
  events: number
): Promise<CpuUse> {
  const { acceptance } = stack
  const pids = {
    ...Object.fromEntries(children.map((c) => [c.name, c.pid])),
    ...(stack.api ? { api: stack.api.pid } : {}),
    bench: process.pid
  }
  let meter: ReturnType<typeof cpuMeter> | null = null
  await acceptance.waitFor(events, DELIVERY_TIMEOUT_MS, () => {
    if (acceptance.count > 0) meter ??= cpuMeter(pids)
    meter?.sample()
    const rate = rateSoFar(acceptance.count, acceptance.first, acceptance.last)
    progress.status(`${label}: ${count(acceptance.count)}/${count(events)} ` +
      `emails accepted, ${count(rate)}/s`)
  })
  if (meter === null) throw new Error(`${label}: no email arrived`)
  return (meter as ReturnType<typeof cpuMeter>).stop()
}

function rateSoFar (n: number, first: number | null, last: number | null): number {
  if (first === null || last === null || last === first) return 0
  return (n - 1) / ((last - first) / 1000)
}

function summarise (
  stack: Stack,
  label: string,
  workers: number,
  spawnedAt: number,
  cpu: CpuUse,
  loadedPerSecond: number
): DeliveryRun {
  const { first, last, count: n } = stack.acceptance
  if (first === null || last === null) throw new Error(`${label}: no email`)
  return {
    label,
    workers,
    events: n,
    eventsPerSecond: round(rateSoFar(n, first, last), 1),
    firstToLastS: round((last - first) / 1000),
    startToLastS: round((last - spawnedAt) / 1000),
    cpu,
    loadedPerSecond: round(loadedPerSecond, 1)
  }
}

/** The email Herald sent last, as the bare worker will send it. */
export function preparedFrom (stack: Stack): PreparedEmail {
  const sample = stack.acceptance.sample
  if (sample === null) throw new Error('no email of Herald\'s to copy')
  return {
    from: sample.from,
    to: sample.to.join(', '),
    subject: sample.subject,
    text: sample.text,
    html: sample.html
  }
}

/**
 * The ceiling: the same number of jobs, queued directly, each sending
 * the prepared email through a transport set up like Herald's, by one
 * bare BullMQ worker process with Herald's concurrency.
 */
export async function runBareDelivery (
  stack: Stack,
  progress: Progress,
  email: PreparedEmail
): Promise<DeliveryRun> {
  const events = stack.settings.deliveryEvents
  const label = 'bare BullMQ worker'
  await stack.clearTraffic()
  const queue = new Queue(BARE_QUEUE, {
    connection: stack.redis,
    prefix: stack.settings.queuePrefix,
    defaultJobOptions: deliveryJobOptions({ deliveryAttempts: 8, backoffMs: 2000 })
  })
  const started = performance.now()
  try {
    await queue.obliterate({ force: true })
    for (let n = 0; n < events; n += BULK) {
      const size = Math.min(BULK, events - n)
      await queue.addBulk(Array.from({ length: size }, (_, i) => ({
        name: 'delivery', data: { n: n + i }
      })))
      progress.status(`${label}: queueing ${count(n + size)}/${count(events)} jobs`)
    }
    const loadedPerSecond = events / ((performance.now() - started) / 1000)
    const spawnedAt = performance.now()
    const child = startBareWorker(stack, email)
    const cpu = await waitForEmails(stack, progress, label, [child], events)
    await child.stop()
    return summarise(stack, label, 1, spawnedAt, cpu, loadedPerSecond)
  } finally {
    await queue.obliterate({ force: true }).catch(() => {})
    await queue.close()
  }
}

function startBareWorker (stack: Stack, email: PreparedEmail): Child {
  return startChild({
    name: 'bare-worker',
    entry: join(stack.settings.root, 'bench/src/bare-worker.ts'),
    env: { ...stack.heraldEnv(), BENCH_EMAIL: JSON.stringify(email) },
    cwd: stack.settings.root,
    log: stack.log
  })
}
