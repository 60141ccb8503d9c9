import { join } from 'node:path'
import { startChild, waitForHttp, type Child } from './children.js'
import { runLoad, type LoadResult } from './load.js'
import { cpuMeter, type CpuUse } from './proc-stats.js'
import { count, type Progress } from './progress.js'
import { FIXTURES, webhookBody, type FixtureEvent } from './scenario.js'
import { freePort, type Stack } from './stack.js'
import { percentiles, ratio, round, sorted, type Percentiles } from './stats.js'

/** One intake measurement of one server. */
export interface IntakeRun {
  target: 'herald' | 'bare'
  mode: 'saturated' | 'fixed-rate'
  connections: number
  /** Offered requests per second; null when saturating. */
  offeredRate: number | null
  requests: number
  failed: number
  perSecond: number
  latencyMs: Percentiles
  cpu: CpuUse
  /** Ascending response times, for the plot (not written to the JSON). */
  ascending: Float64Array
}

export interface IntakeResult {
  runs: IntakeRun[]
  /** Herald's saturated throughput over the bare server's. */
  throughputRatio: number
  /** Herald's p99 at the fixed offered rate. */
  heraldP99AtFixedRateMs: number
}

interface Target {
  name: IntakeRun['target']
  url: string
  pid: number
}

/**
 * POST /api/webhook/ with the four webhook fixtures in turn, each with a
 * fresh id, against Herald's API (authenticate, store, queue) and against
 * a bare Fastify server answering a constant, each first saturated by
 * `connections` connections and then at a fixed offered rate. No worker
 * runs meanwhile: this is the API alone.
 */
export async function runIntake (
  stack: Stack,
  progress: Progress,
  secret: string
): Promise<IntakeResult> {
  const bare = await startBareServer(stack)
  const targets: Target[] = [
    { name: 'herald', url: `${stack.apiBase}/api/webhook/`, pid: apiPid(stack) },
    { name: 'bare', url: bare.url, pid: bare.child.pid }
  ]
  const runs: IntakeRun[] = []
  try {
    for (const target of targets) await warmUp(stack, progress, target, secret)
    for (const mode of ['saturated', 'fixed-rate'] as const) {
      for (const target of targets) {
        runs.push(await measure(stack, progress, target, mode, secret))
      }
    }
  } finally {
    await bare.child.stop()
  }
  await stack.clearTraffic()
  const find = (t: Target['name'], m: IntakeRun['mode']) =>
    runs.find((r) => r.target === t && r.mode === m)
  return {
    runs,
    throughputRatio: ratio(find('herald', 'saturated')?.perSecond ?? 0,
      find('bare', 'saturated')?.perSecond ?? 0),
    heraldP99AtFixedRateMs: find('herald', 'fixed-rate')?.latencyMs.p99 ?? Number.NaN
  }
}

function apiPid (stack: Stack): number {
  if (stack.api === null) throw new Error('the API is not running')
  return stack.api.pid
}

async function startBareServer (stack: Stack): Promise<{ child: Child, url: string }> {
  const port = await freePort()
  const child = startChild({
    name: 'bare-server',
    entry: join(stack.settings.root, 'bench/src/bare-server.ts'),
    env: { HOST: '127.0.0.1', PORT: String(port) },
    cwd: stack.settings.root,
    log: stack.log
  })
  const base = `http://127.0.0.1:${port}`
  await waitForHttp(`${base}/api/`, child)
  return { child, url: `${base}/api/webhook/` }
}

function bodies (root: string): string[] {
  return (Object.keys(FIXTURES) as FixtureEvent[]).map((e) => webhookBody(root, e))
}

async function warmUp (
  stack: Stack,
  progress: Progress,
  target: Target,
  secret: string
): Promise<void> {
  progress.status(`intake: warming up ${target.name}`)
  await runLoad({
    url: target.url,
    bodies: bodies(stack.settings.root),
    headers: { authorization: `Secret ${secret}` },
    connections: stack.settings.connections,
    seconds: stack.settings.warmupSeconds
  })
}

async function measure (
  stack: Stack,
  progress: Progress,
  target: Target,
  mode: IntakeRun['mode'],
  secret: string
): Promise<IntakeRun> {
  const { settings } = stack
  const rate = mode === 'fixed-rate' ? settings.fixedRate : null
  const meter = cpuMeter({ server: target.pid, bench: process.pid })
  const result: LoadResult = await runLoad({
    url: target.url,
    bodies: bodies(settings.root),
    headers: { authorization: `Secret ${secret}` },
    connections: settings.connections,
    seconds: settings.intakeSeconds,
    ...(rate === null ? {} : { overallRate: rate }),
    onTick: (n) => progress.status(`intake: ${target.name}, ${mode}: ` +
      `${count(n)} requests`)
  })
  const ascending = sorted(result.latencies)
  return {
    target: target.name,
    mode,
    connections: settings.connections,
    offeredRate: rate,
    requests: result.ok,
    failed: result.failed,
    perSecond: round(result.perSecond, 1),
    latencyMs: percentiles(ascending),
    cpu: meter.stop(),
    ascending
  }
}
