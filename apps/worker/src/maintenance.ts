import type { Redis } from 'ioredis'
import type { Config } from '@herald/config'
import type { Database } from '@herald/db'
import type { Logger } from '@herald/log'
import type { Queues } from '@herald/queue'
import type { WorkerMetrics } from './metrics.js'
import { pruneExpired, type PruneReport } from './retention.js'
import { sweepStuck, type SweepReport } from './sweep.js'

/** What one maintenance run did. */
export interface MaintenanceReport {
  requeued: SweepReport
  pruned: PruneReport | null
}

/** A maintenance loop; `stop` waits for a run in progress. */
export interface Maintenance {
  /** One run now, if no other worker holds this interval's turn. */
  runOnce(): Promise<MaintenanceReport | null>
  stop(): Promise<void>
}

export interface MaintenanceDeps {
  config: Config
  db: Database
  queues: Queues
  logger: Logger
  metrics: WorkerMetrics
  /** Where the turn is taken (a worker connection). */
  redis: Redis
}

/**
 * Takes this interval's turn: the first worker to set the key runs, the
 * others skip, so N workers do not sweep and prune N times. The key
 * lapses a little before the next tick.
 */
async function takeTurn (deps: MaintenanceDeps): Promise<boolean> {
  const { QUEUE_PREFIX: prefix, MAINTENANCE_INTERVAL_MS: interval } = deps.config
  const ttl = Math.max(100, Math.floor(interval * 0.9))
  const taken = await deps.redis.set(`${prefix}:maintenance`, '1', 'PX', ttl, 'NX')
  return taken === 'OK'
}

async function runMaintenance (deps: MaintenanceDeps): Promise<MaintenanceReport> {
  const { config, metrics } = deps
  const requeued = await sweepStuck({
    db: deps.db,
    queues: deps.queues,
    olderThanMs: config.SWEEP_AFTER_MS,
    lockMs: config.WORKER_LOCK_MS
  })
  const pruned = config.RETENTION_DAYS > 0
    ? await pruneExpired(deps.db, config.RETENTION_DAYS)
    : null
  for (const [kind, count] of Object.entries(requeued)) {
    metrics.requeued.inc({ kind }, count)
  }
  for (const [table, count] of Object.entries(pruned ?? {})) {
    metrics.pruned.inc({ table }, count)
  }
  return { requeued, pruned }
}

function worthLogging (report: MaintenanceReport): boolean {
  const counts = [
    ...Object.values(report.requeued),
    ...Object.values(report.pruned ?? {})
  ]
  return counts.some((n) => n > 0)
}

/**
 * Every `MAINTENANCE_INTERVAL_MS` (0: never), re-queues stuck rows
 * ({@link sweepStuck}) and prunes expired ones ({@link pruneExpired}).
 * A failed run (Redis or PostgreSQL away) is logged and tried again at
 * the next tick; runs never overlap.
 */
export function startMaintenance (deps: MaintenanceDeps): Maintenance {
  const interval = deps.config.MAINTENANCE_INTERVAL_MS
  let timer: NodeJS.Timeout | null = null
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false

  async function runOnce (): Promise<MaintenanceReport | null> {
    if (!await takeTurn(deps)) return null
    const report = await runMaintenance(deps)
    if (worthLogging(report)) deps.logger.info(report, 'maintenance done')
    return report
  }

  function schedule (): void {
    if (stopped || interval === 0) return
    timer = setTimeout(() => {
      running = runOnce()
        .catch((err: unknown) => deps.logger.warn({ err }, 'maintenance failed'))
        .finally(schedule)
    }, interval)
    timer.unref()
  }

  schedule()
  return {
    runOnce,
    async stop () {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    }
  }
}
