import type { Worker } from 'bullmq'
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

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

/** What one delivery attempt came to, as the processor settled it. */
export interface DeliveryOutcome {
  /** The row's type: email, sms, push. */
  channel: string
  state: 'sent' | 'failed' | 'retried'
  /** When the job began this attempt (BullMQ's `processedOn`). */
  startedAt: number | undefined
  /** When the delivery was planned; for a send, latency runs from it. */
  createdAt: Date
}

/** Counts settled deliveries; processors call it right after settling. */
export type DeliveryRecorder = (outcome: DeliveryOutcome) => void

/**
 * A {@link DeliveryRecorder} over these metrics. The processor knows the
 * outcome when it settles the row, so nothing is read back: a job that
 * finds its row already sent, or held by another worker, settles nothing
 * and counts nothing.
 */
export function deliveryRecorder (metrics: WorkerMetrics): DeliveryRecorder {
  return function recordDelivery (outcome) {
    const { channel, state, startedAt } = outcome
    const now = Date.now()
    metrics.deliveries.inc({ channel, state })
    if (startedAt) {
      metrics.deliveryDuration.observe({ channel }, (now - startedAt) / 1000)
    }
    if (state === 'sent') {
      const seconds = (now - outcome.createdAt.getTime()) / 1000
      metrics.deliveryLatency.observe({ channel }, Math.max(0, seconds))
    }
  }
}

/** Counts the event and trigger jobs of one BullMQ worker. */
export function observeWorker (worker: Worker, metrics: WorkerMetrics): void {
  if (worker.name === 'deliveries') return
  worker.on('completed', () => {
    metrics.jobs.inc({ queue: worker.name, result: 'completed' })
  })
  worker.on('failed', (job) => {
    if (job) metrics.jobs.inc({ queue: worker.name, result: 'failed' })
  })
}
