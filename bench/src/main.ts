// `npm run bench`: how fast Herald takes webhooks in and turns them into
// emails, each beside the best this machine does in the same run. See
// BENCHMARKS.md for what each figure means. Needs PostgreSQL and Redis on
// localhost (BENCH_DATABASE_URL, BENCH_REDIS_URL to change them).
import { mkdirSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { openLog, whenAChildDies } from './children.js'
import { recreateDatabase } from './database.js'
import {
  preparedFrom, runBareDelivery, runHeraldDelivery, type DeliveryRun
} from './delivery.js'
import { runGrowth, type GrowthResult } from './growth.js'
import { runIntake, type IntakeResult } from './intake.js'
import { plotIntakeLatency } from './plot.js'
import { loadAverage } from './proc-stats.js'
import { profileArgs, summariseProfiles, type ProfileSummary } from './profiles.js'
import { createProgress, type Progress } from './progress.js'
import { printReport, evaluateTargets, type BenchResults } from './report.js'
import { prepareCompany } from './scenario.js'
import { readSettings, type BenchSettings } from './settings.js'
import { openStack, type Stack } from './stack.js'
import { ratio, round } from './stats.js'

function stampOf (date: Date): string {
  // 2026-12-03T19-40: sortable, and safe in a file name
  return date.toISOString().slice(0, 16).replace(':', '-')
}

interface Collected {
  intake?: IntakeResult
  delivery?: { herald: DeliveryRun, bare: DeliveryRun, ratio: number }
  scale?: { one: DeliveryRun | null, two: DeliveryRun, ratio: number }
  growth?: GrowthResult
  profiles: ProfileSummary[]
}

async function runPhases (
  stack: Stack,
  progress: Progress,
  settings: BenchSettings,
  secret: string
): Promise<Collected> {
  const out: Collected = { profiles: [] }
  const has = (p: BenchSettings['phases'][number]) => settings.phases.includes(p)
  if (has('intake')) {
    progress.step('intake: Herald API and bare Fastify, saturated and at 1,000/s')
    out.intake = await runIntake(stack, progress, secret)
  }
  let one: DeliveryRun | null = null
  if (has('delivery')) {
    progress.step(`delivery: ${settings.deliveryEvents} events, Herald with one worker`)
    one = await runHeraldDelivery(stack, progress, {
      workers: 1,
      events: settings.deliveryEvents,
      secret,
      nodeArgs: profileArgs(settings, 'worker')
    })
    progress.step('delivery: the same email count through a bare BullMQ worker')
    const bare = await runBareDelivery(stack, progress, preparedFrom(stack))
    out.delivery = { herald: one, bare, ratio: ratio(one.eventsPerSecond, bare.eventsPerSecond) }
  }
  if (has('scale')) {
    progress.step(`scale-out: ${settings.scaleEvents} events, Herald with two workers`)
    const two = await runHeraldDelivery(stack, progress, {
      workers: 2, events: settings.scaleEvents, secret
    })
    out.scale = {
      one,
      two,
      ratio: one === null ? Number.NaN : ratio(two.eventsPerSecond, one.eventsPerSecond)
    }
  }
  if (has('growth')) {
    const [a, b] = settings.growthCheckpoints
    progress.step(`growth: ${a} then ${b} events through a fresh API and worker`)
    out.growth = await runGrowth(stack, progress, secret)
  }
  // the API writes its profile when it exits
  if (settings.profile) await stack.stopApi()
  out.profiles = summariseProfiles(settings)
  return out
}

async function main (): Promise<number> {
  const settings = readSettings(process.argv.slice(2))
  const progress = createProgress()
  const startedAt = new Date()
  const stamp = stampOf(startedAt)
  mkdirSync(settings.resultsDir, { recursive: true })
  const logPath = join(settings.resultsDir, `${stamp}.log`)
  const log = openLog(logPath)
  const loadBefore = loadAverage()
  progress.step(`Herald bench ${stamp}; load average ${loadBefore}; ` +
    `child output in ${logPath}`)
  progress.step(`database ${new URL(settings.databaseUrl).pathname.slice(1)}: ` +
    'dropping and migrating')
  await recreateDatabase(settings.databaseUrl, settings.root)
  const stack = await openStack(settings, log)
  const died = new Promise<never>((_resolve, reject) => whenAChildDies(reject))
  died.catch(() => {})
  try {
    progress.step('starting the API; activating the company')
    await Promise.race([stack.startApi(profileArgs(settings, 'api')), died])
    const secret = await prepareCompany(stack)
    const collected = await Promise.race([
      runPhases(stack, progress, settings, secret), died
    ])
    progress.done()
    const results: BenchResults = {
      startedAt: startedAt.toISOString(),
      seconds: round((Date.now() - startedAt.getTime()) / 1000, 1),
      machine: {
        cores: availableParallelism(),
        cpu: cpus()[0]?.model ?? 'unknown',
        memoryGiB: round(totalmem() / 2 ** 30, 1),
        node: process.version,
        loadBefore,
        loadAfter: loadAverage()
      },
      settings: {
        phases: settings.phases,
        connections: settings.connections,
        intakeSeconds: settings.intakeSeconds,
        fixedRate: settings.fixedRate,
        deliveryEvents: settings.deliveryEvents,
        scaleEvents: settings.scaleEvents,
        growthCheckpoints: settings.growthCheckpoints,
        profile: settings.profile
      },
      ...collected,
      targets: evaluateTargets(collected)
    }
    const files = await writeResults(settings, stamp, results)
    printReport(results, files)
    return 0
  } finally {
    progress.done()
    await stack.close()
    log.end()
  }
}

async function writeResults (
  settings: BenchSettings,
  stamp: string,
  results: BenchResults
): Promise<string[]> {
  const json = join(settings.resultsDir, `${stamp}.json`)
  writeFileSync(json, JSON.stringify(results, dropArrays, 2) + '\n')
  const files = [json]
  if (results.intake !== undefined) {
    const png = join(settings.resultsDir, `${stamp}-intake-latency.png`)
    await plotIntakeLatency(results.intake, png)
    files.push(png)
  }
  return files
}

/** Raw response times go to the plot, not into the JSON. */
function dropArrays (key: string, value: unknown): unknown {
  return key === 'ascending' ? undefined : value
}

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`\nbench failed: ${err instanceof Error
    ? err.stack ?? err.message : String(err)}\n`)
  process.exit(1)
})
