import type { DeliveryRun } from './delivery.js'
import type { GrowthResult } from './growth.js'
import type { IntakeResult, IntakeRun } from './intake.js'
import type { ProfileSummary } from './profiles.js'
import { count } from './progress.js'

/** Everything one run wrote to bench/results/<stamp>.json. */
export interface BenchResults {
  startedAt: string
  seconds: number
  machine: {
    cores: number
    cpu: string
    memoryGiB: number
    node: string
    /** 1-minute load average before and after the run. */
    loadBefore: number
    loadAfter: number
  }
  settings: Record<string, unknown>
  intake?: IntakeResult
  delivery?: { herald: DeliveryRun, bare: DeliveryRun, ratio: number }
  scale?: { one: DeliveryRun | null, two: DeliveryRun, ratio: number }
  growth?: GrowthResult
  profiles: ProfileSummary[]
  targets: Target[]
}

/** One target of issue #7 and whether this run met it. */
export interface Target {
  name: string
  goal: string
  value: number
  met: boolean
}

export const TARGETS = {
  intakeRatio: 0.5,
  p99AtFixedRateMs: 20,
  deliveryRatio: 0.5,
  memoryGrowth: 0.2,
  scaleOut: 1.6
}

export function evaluateTargets (r: Omit<BenchResults,
  'startedAt' | 'seconds' | 'machine' | 'settings' | 'targets'>): Target[] {
  const out: Target[] = []
  const at = (name: string, goal: string, value: number, met: boolean) =>
    out.push({ name, goal, value, met })
  if (r.intake) {
    at('intake throughput / bare Fastify', `≥ ${TARGETS.intakeRatio}`,
      r.intake.throughputRatio, r.intake.throughputRatio >= TARGETS.intakeRatio)
    at('intake p99 at 1,000/s (ms)', `< ${TARGETS.p99AtFixedRateMs}`,
      r.intake.heraldP99AtFixedRateMs,
      r.intake.heraldP99AtFixedRateMs < TARGETS.p99AtFixedRateMs)
  }
  if (r.delivery) {
    at('delivery / bare BullMQ worker', `≥ ${TARGETS.deliveryRatio}`,
      r.delivery.ratio, r.delivery.ratio >= TARGETS.deliveryRatio)
  }
  if (r.growth) {
    const span = r.growth.readings.map((m) => count(m.events)).join(' → ')
    const names = { api: 'API RSS', worker: 'worker RSS', redisBench: 'Redis (bench keys)' }
    for (const key of ['api', 'worker', 'redisBench'] as const) {
      const value = r.growth.growth[key]
      at(`memory growth, ${names[key]}, ${span} events`, `≤ ${TARGETS.memoryGrowth}`,
        value, value <= TARGETS.memoryGrowth)
    }
  }
  if (r.scale && !Number.isNaN(r.scale.ratio)) {
    at('two workers / one', `≥ ${TARGETS.scaleOut}`, r.scale.ratio,
      r.scale.ratio >= TARGETS.scaleOut)
  }
  return out
}

// ---------------------------------------------------------------- printing

const num = (n: number, digits = 1): string => Number.isNaN(n)
  ? '-' : n.toLocaleString('en-US', {
    minimumFractionDigits: digits, maximumFractionDigits: digits
  })

function table (rows: string[][]): string {
  const widths = rows[0]?.map((_, i) =>
    Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? []
  return rows.map((r) => '  ' + r.map((cell, i) => i === 0
    ? cell.padEnd(widths[i] ?? 0)
    : cell.padStart(widths[i] ?? 0)).join('   ')).join('\n')
}

function intakeTable (intake: IntakeResult): string {
  const run = (t: IntakeRun['target'], m: IntakeRun['mode']) =>
    intake.runs.find((r) => r.target === t && r.mode === m)
  const rows = [['', 'req/s', 'p50 ms', 'p99 ms', 'p99 @1,000/s', 'failed']]
  for (const [target, label] of [['herald', 'Herald API'],
    ['bare', 'bare Fastify']] as const) {
    const sat = run(target, 'saturated')
    const fixed = run(target, 'fixed-rate')
    rows.push([label, num(sat?.perSecond ?? NaN, 0), num(sat?.latencyMs.p50 ?? NaN, 2),
      num(sat?.latencyMs.p99 ?? NaN, 2), num(fixed?.latencyMs.p99 ?? NaN, 2),
      count((sat?.failed ?? 0) + (fixed?.failed ?? 0))])
  }
  rows.push(['ratio', num(intake.throughputRatio, 2), '', '', '', ''])
  return table(rows)
}

function cpuPer1000 (run: DeliveryRun): string {
  const per = (name: string) => (run.cpu.byProcess[name] ?? 0) / run.events * 1000
  const workers = Object.keys(run.cpu.byProcess).filter((k) => k.includes('worker'))
  const worker = workers.reduce((sum, w) => sum + per(w), 0)
  const machine = run.cpu.machineBusy / run.events * 1000
  return `${num(worker, 2)} / ${num(machine, 2)}`
}

function deliveryTable (runs: DeliveryRun[]): string {
  const rows = [['', 'events', 'events/s', 'first→last s',
    'worker / machine CPU s per 1k']]
  for (const run of runs) {
    rows.push([run.label, count(run.events), num(run.eventsPerSecond),
      num(run.firstToLastS, 1), cpuPer1000(run)])
  }
  return table(rows)
}

function growthTable (growth: GrowthResult): string {
  const [a, b] = [growth.readings[0], growth.readings.at(-1)]
  if (a === undefined || b === undefined) return ''
  const pct = (n: number) => `${n >= 0 ? '+' : ''}${num(n * 100, 0)} %`
  const rows = [['MiB', `after ${count(a.events)}`, `after ${count(b.events)}`, 'growth']]
  rows.push(['API RSS', num(a.apiRssMiB), num(b.apiRssMiB), pct(growth.growth.api)])
  rows.push(['worker RSS', num(a.workerRssMiB), num(b.workerRssMiB),
    pct(growth.growth.worker)])
  rows.push(['Redis, bench keys', num(a.redisBenchMiB, 2), num(b.redisBenchMiB, 2),
    pct(growth.growth.redisBench)])
  rows.push(['Redis used_memory', num(a.redisUsedMiB, 2), num(b.redisUsedMiB, 2),
    pct(growth.growth.redisUsed)])
  return table(rows)
}

function profileLines (profile: ProfileSummary): string {
  const lines = [`  ${profile.process}: ${profile.busyS} s busy of ` +
    `${profile.sampledS} s sampled; by package:`]
  for (const share of profile.byPackage.slice(0, 8)) {
    lines.push(`    ${String(share.pct).padStart(5)} %  ${share.name}`)
  }
  return lines.join('\n')
}

/** The table and the summary on stdout. */
export function printReport (r: BenchResults, files: string[]): void {
  const out: string[] = ['',
    `Herald bench, ${r.startedAt.slice(0, 16)}Z: ${r.machine.cores} cores, ` +
    `node ${r.machine.node}, load average ${r.machine.loadBefore} before, ` +
    `${r.machine.loadAfter} after; ${r.seconds} s`]
  if (r.intake) {
    out.push('', `Intake: POST /api/webhook/, ${r.settings.connections} connections`,
      intakeTable(r.intake))
  }
  const runs = [r.delivery?.herald, r.delivery?.bare, r.scale?.two]
    .filter((x): x is DeliveryRun => x !== undefined)
  if (runs.length > 0) {
    out.push('', 'Delivery: webhook to email accepted by the SMTP sink, ' +
      'first to last acceptance', deliveryTable(runs))
  }
  if (r.growth) {
    out.push('', `Growth: user.create webhooks through API and worker ` +
      `(${num(r.growth.loadedPerSecond, 0)}/s taken)`, growthTable(r.growth))
  }
  for (const profile of r.profiles) out.push('', profileLines(profile))
  out.push('', 'Targets:')
  for (const t of r.targets) {
    out.push(`  ${t.met ? 'met   ' : 'MISSED'}  ${t.name}: ${num(t.value, 2)} ` +
      `(target ${t.goal})`)
  }
  const met = r.targets.filter((t) => t.met).length
  out.push('', `${met} of ${r.targets.length} targets met. Written: ` +
    files.join(', '), '')
  process.stdout.write(out.join('\n'))
}
