import { setTimeout as sleep } from 'node:timers/promises'
import { runLoad } from './load.js'
import { rssMiB } from './proc-stats.js'
import { count, type Progress } from './progress.js'
import { prefixMemory, usedMemoryMiB } from './redis-state.js'
import { webhookBody } from './scenario.js'
import type { Stack } from './stack.js'
import { round } from './stats.js'

/** Memory once a number of events went through API and worker. */
export interface MemoryReading {
  events: number
  apiRssMiB: number
  workerRssMiB: number
  /** INFO memory used_memory: the whole Redis, other users included. */
  redisUsedMiB: number
  /** MEMORY USAGE summed over the bench's own keys. */
  redisBenchMiB: number
  redisBenchKeys: number
  /** Largest RSS seen while getting here, sampled twice a second. */
  apiPeakRssMiB: number
  workerPeakRssMiB: number
}

export interface GrowthResult {
  readings: MemoryReading[]
  /** Last reading over first, minus 1: 0.1 is 10 % more. */
  growth: { api: number, worker: number, redisUsed: number, redisBench: number }
  /** Webhooks per second the API took while the worker kept up. */
  loadedPerSecond: number
  seconds: number
}

const DRAIN_TIMEOUT_MS = 300_000
const SAMPLE_MS = 500
/** RSS readings after a drain; their median is the figure (GC is noisy). */
const SETTLE_READINGS = 5

/**
 * Fresh API and worker processes take `user.create` webhooks as fast as
 * the API answers while the worker processes them (each matches the
 * welcome notification, renders and evaluates its condition, and sends
 * nothing). At each checkpoint the bench waits until every event is
 * processed, lets things settle, and reads memory.
 */
export async function runGrowth (
  stack: Stack,
  progress: Progress,
  secret: string
): Promise<GrowthResult> {
  await stack.stopApi()
  await stack.clearTraffic()
  const api = await stack.startApi()
  const [worker] = stack.startWorkers(1)
  if (worker === undefined) throw new Error('no worker started')
  const peaks = { api: 0, worker: 0 }
  const readings: MemoryReading[] = []
  const started = performance.now()
  let loadSeconds = 0
  let sent = 0
  for (const checkpoint of stack.settings.growthCheckpoints) {
    const sampler = setInterval(() => {
      peaks.api = Math.max(peaks.api, rssMiB(api.pid))
      peaks.worker = Math.max(peaks.worker, rssMiB(worker.pid))
    }, SAMPLE_MS)
    try {
      loadSeconds += await send(stack, progress, secret, sent, checkpoint)
      sent = checkpoint
      await drain(stack, progress, checkpoint)
    } finally {
      clearInterval(sampler)
    }
    const rss = await settledRss(api.pid, worker.pid)
    readings.push(await readMemory(stack, checkpoint, rss, peaks))
  }
  await stack.stopWorkers()
  return {
    readings,
    growth: growthOf(readings),
    loadedPerSecond: round(sent / loadSeconds, 1),
    seconds: round((performance.now() - started) / 1000, 1)
  }
}

async function send (
  stack: Stack,
  progress: Progress,
  secret: string,
  from: number,
  to: number
): Promise<number> {
  const result = await runLoad({
    url: `${stack.apiBase}/api/webhook/`,
    bodies: [webhookBody(stack.settings.root, 'user.create')],
    headers: { authorization: `Secret ${secret}` },
    connections: stack.settings.connections,
    amount: to - from,
    onTick: (n) => progress.status(
      `growth: ${count(from + n)}/${count(to)} webhooks sent`)
  })
  if (result.failed > 0) {
    throw new Error(`growth: ${result.failed} of ${to - from} webhooks failed`)
  }
  return result.seconds
}

async function drain (stack: Stack, progress: Progress, events: number): Promise<void> {
  const end = Date.now() + DRAIN_TIMEOUT_MS
  for (;;) {
    const done = await stack.db.events('processed')
    progress.status(`growth: ${count(done)}/${count(events)} events processed`)
    if (done >= events) return
    if (Date.now() > end) throw new Error(`growth: only ${done} of ${events} processed`)
    await sleep(SAMPLE_MS)
  }
}

/** The median of a few RSS readings taken once the work is done. */
async function settledRss (
  apiPid: number,
  workerPid: number
): Promise<{ api: number, worker: number }> {
  const api: number[] = []
  const worker: number[] = []
  for (let i = 0; i < SETTLE_READINGS; i++) {
    await sleep(SAMPLE_MS)
    api.push(rssMiB(apiPid))
    worker.push(rssMiB(workerPid))
  }
  return { api: median(api), worker: median(worker) }
}

function median (values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

async function readMemory (
  stack: Stack,
  events: number,
  rss: { api: number, worker: number },
  peaks: { api: number, worker: number }
): Promise<MemoryReading> {
  const bench = await prefixMemory(stack.redis, stack.settings.queuePrefix)
  return {
    events,
    apiRssMiB: round(rss.api, 1),
    workerRssMiB: round(rss.worker, 1),
    redisUsedMiB: round(await usedMemoryMiB(stack.redis)),
    redisBenchMiB: round(bench.mib),
    redisBenchKeys: bench.keys,
    apiPeakRssMiB: round(peaks.api, 1),
    workerPeakRssMiB: round(peaks.worker, 1)
  }
}

function growthOf (readings: MemoryReading[]): GrowthResult['growth'] {
  const first = readings[0]
  const last = readings.at(-1)
  if (first === undefined || last === undefined) {
    return { api: Number.NaN, worker: Number.NaN, redisUsed: Number.NaN, redisBench: Number.NaN }
  }
  const grew = (a: number, b: number) => round(b / a - 1, 3)
  return {
    api: grew(first.apiRssMiB, last.apiRssMiB),
    worker: grew(first.workerRssMiB, last.workerRssMiB),
    redisUsed: grew(first.redisUsedMiB, last.redisUsedMiB),
    redisBench: grew(first.redisBenchMiB, last.redisBenchMiB)
  }
}
