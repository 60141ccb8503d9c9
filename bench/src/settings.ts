import { fileURLToPath } from 'node:url'

/** The phases `npm run bench` can run, in the order it runs them. */
export const PHASES = ['intake', 'delivery', 'scale', 'growth'] as const
export type Phase = (typeof PHASES)[number]

/** Everything a run is shaped by; printed into the results file. */
export interface BenchSettings {
  /** The bench's own database; dropped and created anew at the start. */
  databaseUrl: string
  redisUrl: string
  /** Prefix of every BullMQ key the run writes; deleted at the start. */
  queuePrefix: string
  phases: Phase[]
  /** Profile the API and the one-worker delivery run (`--cpu-prof`). */
  profile: boolean
  /** Concurrent connections of the saturating intake load. */
  connections: number
  /** Seconds each intake measurement lasts, after a warm-up. */
  intakeSeconds: number
  warmupSeconds: number
  /** The fixed offered rate of the intake latency figure. */
  fixedRate: number
  /** Events the one-worker run and the bare worker send, webhook to email. */
  deliveryEvents: number
  /**
   * Events the two-worker run sends: a quarter of the one-worker run's,
   * so the whole bench stays under ten minutes; the figure is a rate
   * from first to last email, so the two runs compare.
   */
  scaleEvents: number
  /** Event counts after which memory is read. */
  growthCheckpoints: [number, number]
  /** Where the JSON, the plot, logs and profiles go. */
  resultsDir: string
  /** Repository root: the cwd of every child process. */
  root: string
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Settings from the command line. `--quick` shrinks every count for a
 * smoke run (its figures mean nothing); `--only intake,delivery` picks
 * phases; `--profile` writes CPU profiles. BENCH_DATABASE_URL and
 * BENCH_REDIS_URL point at other services.
 */
export function readSettings (argv: readonly string[]): BenchSettings {
  const quick = argv.includes('--quick')
  return {
    databaseUrl: process.env.BENCH_DATABASE_URL ??
      'postgresql://postgres@127.0.0.1:5432/herald_bench',
    redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    queuePrefix: 'herald-bench',
    phases: phasesOf(argv),
    profile: argv.includes('--profile'),
    connections: 32,
    intakeSeconds: quick ? 3 : 8,
    warmupSeconds: quick ? 1 : 2,
    fixedRate: 1000,
    deliveryEvents: quick ? 2000 : 20_000,
    scaleEvents: quick ? 2000 : 5000,
    growthCheckpoints: quick ? [1000, 5000] : [10_000, 100_000],
    resultsDir: `${ROOT}bench/results`,
    root: ROOT
  }
}

function phasesOf (argv: readonly string[]): Phase[] {
  const at = argv.indexOf('--only')
  const list = at === -1 ? undefined : argv[at + 1]
  if (list === undefined) return [...PHASES]
  const wanted = list.split(',')
  const unknown = wanted.filter((p) => !PHASES.includes(p as Phase))
  if (unknown.length > 0) {
    throw new Error(`unknown phase(s) ${unknown.join(', ')}; ` +
      `known: ${PHASES.join(', ')}`)
  }
  return PHASES.filter((p) => wanted.includes(p))
}
