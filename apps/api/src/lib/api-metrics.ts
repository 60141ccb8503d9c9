import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { JOB_STATES, queueDepths, type Queues } from '@herald/queue'
import { CHECK_TIMEOUT_MS, within, type Readiness } from './readiness.js'

/** Seconds; the platform gives up on a webhook after 5. */
const INTAKE_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

/** The API's Prometheus metrics, in a registry of its own. */
export interface ApiMetrics {
  registry: Registry
  /** Webhooks answered, by `result`. */
  webhooks: Counter<'result'>
  /** Time from request to answer of each webhook. */
  intake: Histogram<'result'>
  /** Every answered request, by route pattern. */
  requests: Histogram<'method' | 'route' | 'status_code'>
}

/** What the scrape-time gauges read from. */
export interface MetricSources {
  queues: Queues
  readiness: () => Promise<Readiness>
  /** Told when a source cannot be read, so a scrape still answers. */
  onError: (err: unknown) => void
}

/**
 * Builds the registry: counters and histograms fed by request hooks, and
 * gauges (queue depths, dependency reachability) read at each scrape.
 */
export function createApiMetrics (sources: MetricSources): ApiMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'herald_api_' })
  const webhooks = new Counter({
    name: 'herald_webhooks_received_total',
    help: 'Webhooks answered, by result: accepted, duplicate, refused, ' +
      'rate_limited, unavailable, error.',
    labelNames: ['result'] as const,
    registers: [registry]
  })
  const intake = new Histogram({
    name: 'herald_webhook_intake_seconds',
    help: 'Time from a webhook request to its answer.',
    labelNames: ['result'] as const,
    buckets: INTAKE_BUCKETS,
    registers: [registry]
  })
  const requests = new Histogram({
    name: 'herald_http_request_duration_seconds',
    help: 'Time to answer each request, by route pattern.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: INTAKE_BUCKETS,
    registers: [registry]
  })
  queueGauge(registry, sources)
  dependencyGauge(registry, sources)
  return { registry, webhooks, intake, requests }
}

function queueGauge (registry: Registry, sources: MetricSources): void {
  new Gauge({
    name: 'herald_queue_jobs',
    help: 'Jobs in each queue and state, read from Redis at scrape time.',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect () {
      this.reset()
      try {
        // BullMQ waits for a connection rather than failing while Redis
        // is away; a scrape must answer all the same.
        const depths = await within(queueDepths(sources.queues), CHECK_TIMEOUT_MS)
        for (const [queue, states] of Object.entries(depths)) {
          for (const state of JOB_STATES) this.set({ queue, state }, states[state])
        }
      } catch (err) {
        sources.onError(err)
      }
    }
  })
}

function dependencyGauge (registry: Registry, sources: MetricSources): void {
  new Gauge({
    name: 'herald_dependency_up',
    help: '1 when the dependency answered at scrape time, 0 when it did not.',
    labelNames: ['dependency'] as const,
    registers: [registry],
    async collect () {
      const { checks } = await sources.readiness()
      for (const [dependency, state] of Object.entries(checks)) {
        this.set({ dependency }, state === 'up' ? 1 : 0)
      }
    }
  })
}

/** The `result` label of a webhook answer with this status. */
export function webhookResult (statusCode: number, set: string | null): string {
  if (set !== null && statusCode < 300) return set
  if (statusCode < 300) return 'accepted'
  if (statusCode === 429) return 'rate_limited'
  if (statusCode === 503) return 'unavailable'
  if (statusCode < 500) return 'refused'
  return 'error'
}
