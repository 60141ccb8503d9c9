import type { Job, Worker } from 'bullmq'
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { Database } from '@herald/db'
import type { Logger } from '@herald/log'
import { RECEIPT_JOB } from './process-delivery.js'

/** Seconds: from a provider call of a few ms to a retry hours later. */
const DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]
const LATENCY_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600]

/** A worker process's Prometheus metrics, in a registry of its own. */
export interface WorkerMetrics {
  registry: Registry
  /** Delivery attempts by `channel` and `state`: sent, failed, retried. */
  deliveries: Counter<'channel' | 'state'>
  /** Time one delivery job took, provider call included. */
  deliveryDuration: Histogram<'channel'>
  /** Time from a delivery's creation to its message being sent. */
  deliveryLatency: Histogram<'channel'>
  /** Event and trigger jobs by `queue` and `result`: completed, failed. */
  jobs: Counter<'queue' | 'result'>
  /** Rows the maintenance sweep queued again, by `kind`. */
  requeued: Counter<'kind'>
  /** Rows removed by retention, by `table`. */
  pruned: Counter<'table'>
}

export function createWorkerMetrics (): WorkerMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'herald_worker_' })
  const registers = [registry]
  return {
    registry,
    deliveries: new Counter({
      name: 'herald_deliveries_total',
      help: 'Delivery attempts by channel and state: sent, failed (final), retried.',
      labelNames: ['channel', 'state'] as const,
      registers
    }),
    deliveryDuration: new Histogram({
      name: 'herald_delivery_duration_seconds',
      help: 'Time one delivery job took, provider call included.',
      labelNames: ['channel'] as const,
      buckets: DURATION_BUCKETS,
      registers
    }),
    deliveryLatency: new Histogram({
      name: 'herald_delivery_latency_seconds',
      help: 'Time from a delivery being planned to its message being sent.',
      labelNames: ['channel'] as const,
      buckets: LATENCY_BUCKETS,
      registers
    }),
    jobs: new Counter({
      name: 'herald_jobs_total',
      help: 'Event and trigger jobs by queue and result: completed, failed.',
      labelNames: ['queue', 'result'] as const,
      registers
    }),
    requeued: new Counter({
      name: 'herald_maintenance_requeued_total',
      help: 'Stored rows the maintenance sweep queued again, by kind.',
      labelNames: ['kind'] as const,
      registers
    }),
    pruned: new Counter({
      name: 'herald_maintenance_pruned_total',
      help: 'Rows removed by retention, by table.',
      labelNames: ['table'] as const,
      registers
    })
  }
}

type Outcome = 'sent' | 'failed' | 'retried' | null

interface Observed {
  db: Database
  logger: Logger
  metrics: WorkerMetrics
}

/**
 * Counts what a delivery job did by reading its row once the job is over:
 * the row names the channel, and only a `sentAt` from this run counts as
 * a send (a job that finds its row already sent sends nothing). Runs
 * after the job, off its path; a failed read costs a sample, not a job.
 */
async function recordDelivery (
  observed: Observed,
  job: Job<{ deliveryId: string }>,
  failure: Error | null
): Promise<void> {
  const row = await observed.db.delivery.findUnique({
    where: { id: job.data.deliveryId },
    select: { type: true, status: true, sentAt: true, createdAt: true }
  })
  if (!row) return
  const started = job.processedOn ?? 0
  const outcome = failure === null
    ? sentNow(row, started)
    : failedNow(row)
  if (outcome === null) return
  const { metrics } = observed
  const channel = row.type
  metrics.deliveries.inc({ channel, state: outcome })
  if (job.finishedOn && started) {
    metrics.deliveryDuration.observe({ channel }, (job.finishedOn - started) / 1000)
  }
  if (outcome === 'sent' && row.sentAt) {
    const seconds = (row.sentAt.getTime() - row.createdAt.getTime()) / 1000
    metrics.deliveryLatency.observe({ channel }, Math.max(0, seconds))
  }
}

interface RowState {
  status: string
  sentAt: Date | null
}

function sentNow (row: RowState, startedAt: number): Outcome {
  const sentAt = row.sentAt?.getTime() ?? 0
  return row.status === 'sent' && sentAt >= startedAt ? 'sent' : null
}

/**
 * A job that threw left its row failed (final) or queued (to retry); a
 * row still `sending` was busy with another worker: no attempt was made.
 */
function failedNow (row: RowState): Outcome {
  if (row.status === 'failed') return 'failed'
  if (row.status === 'queued') return 'retried'
  return null
}

/** Feeds {@link WorkerMetrics} from the events of one BullMQ worker. */
export function observeWorker (worker: Worker, observed: Observed): void {
  const { metrics, logger } = observed
  const deliveries = worker.name === 'deliveries'
  const onError = (err: unknown) =>
    logger.debug({ err, queue: worker.name }, 'metrics sample lost')
  worker.on('completed', (job) => {
    if (!deliveries) {
      metrics.jobs.inc({ queue: worker.name, result: 'completed' })
    } else if (job.name !== RECEIPT_JOB) {
      recordDelivery(observed, job, null).catch(onError)
    }
  })
  worker.on('failed', (job, err) => {
    if (!job) return
    if (!deliveries) {
      metrics.jobs.inc({ queue: worker.name, result: 'failed' })
    } else if (job.name !== RECEIPT_JOB) {
      recordDelivery(observed, job, err).catch(onError)
    }
  })
}
