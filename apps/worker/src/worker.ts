import { Worker } from 'bullmq'
import type { Config } from '@herald/config'
import { createDatabase, SecretBox } from '@herald/db'
import type { Logger } from '@herald/log'
import { PlatformClient } from '@herald/platform'
import { createQueues, createRedis, QueueName } from '@herald/queue'
import type { Redis } from 'ioredis'
import { createRenderer } from '@herald/templates'
import { createChannels } from './channels/channels.js'
import type { WorkerDeps } from './deps.js'
import { createCompanyLookups } from './company-lookups.js'
import { processDelivery, RECEIPT_JOB } from './process-delivery.js'
import { processReceipt } from './process-receipt.js'
import { processEvent } from './process-event.js'
import { processTrigger } from './process-trigger.js'
import { maskReason } from './mask-reason.js'
import { startMaintenance, type Maintenance } from './maintenance.js'
import {
  createWorkerMetrics, deliveryRecorder, observeWorker, type WorkerMetrics
} from './metrics.js'

export interface RunningWorker {
  /** This process's delivery and job counters (main.ts serves them). */
  readonly metrics: WorkerMetrics
  /** The periodic sweep and retention; `runOnce` runs it now. */
  readonly maintenance: Maintenance
  /** Stops taking jobs, waits for those in flight up to the timeout. */
  close(): Promise<void>
}

export function createDeps (
  config: Config,
  logger: Logger,
  connection: Redis
): WorkerDeps {
  const oldKeys = config.HERALD_ENCRYPTION_KEYS_OLD.split(',').filter(Boolean)
  const db = createDatabase({
    url: config.DATABASE_URL, max: config.DATABASE_POOL_SIZE
  })
  const box = new SecretBox(config.HERALD_ENCRYPTION_KEY, oldKeys)
  const lookups = createCompanyLookups(db, box, config.COMPANY_CACHE_TTL_MS)
  return {
    config,
    logger,
    db,
    box,
    queues: createQueues({
      connection,
      prefix: config.QUEUE_PREFIX,
      onError: (err, queue) => logger.warn({ err, queue }, 'queue connection error'),
      // No platform waits on a worker: a large fan-out may take its time.
      enqueueTimeoutMs: 60_000,
      policy: {
        deliveryAttempts: config.DELIVERY_ATTEMPTS,
        backoffMs: config.DELIVERY_BACKOFF_MS
      }
    }),
    renderer: createRenderer(),
    platform: new PlatformClient({
      baseUrl: config.PLATFORM_URL,
      timeoutMs: config.PLATFORM_TIMEOUT_MS,
      pageSize: config.PLATFORM_PAGE_SIZE
    }),
    channels: createChannels({ config, db, credentials: lookups.credentials }),
    lookups
  }
}

export function startWorker (config: Config, logger: Logger): RunningWorker {
  const connection = createRedis(config.REDIS_URL, 'worker')
  // ioredis reconnects by itself; without a listener it prints to stderr.
  connection.on('error', (err) => logger.warn({ err }, 'redis connection error'))
  const metrics = createWorkerMetrics()
  const deps: WorkerDeps = {
    ...createDeps(config, logger, connection),
    recordDelivery: deliveryRecorder(metrics)
  }
  const common = {
    connection,
    prefix: config.QUEUE_PREFIX,
    lockDuration: config.WORKER_LOCK_MS,
    stalledInterval: Math.min(config.WORKER_LOCK_MS, 30000),
    maxStalledCount: 5
  }
  const workers = [
    new Worker(QueueName.events, (job) => processEvent(deps, job), {
      ...common,
      concurrency: 4
    }),
    new Worker(QueueName.triggers, (job) => processTrigger(deps, job), {
      ...common,
      concurrency: 2
    }),
    new Worker(QueueName.deliveries, (job) => job.name === RECEIPT_JOB
      ? processReceipt(deps, job)
      : processDelivery(deps, job), {
      ...common,
      concurrency: config.WORKER_CONCURRENCY
    })
  ]
  for (const worker of workers) {
    worker.on('error', (err) => logger.error({ err, queue: worker.name }, 'worker error'))
    // Failure reasons quote the address or number a provider refused.
    worker.on('failed', (job, err) => logger.warn(
      { jobId: job?.id, queue: worker.name, err: { message: maskReason(err.message) } },
      'job failed'
    ))
    observeWorker(worker, metrics)
  }
  const maintenance = startMaintenance({ ...deps, metrics, redis: connection })
  let closing: Promise<void> | null = null
  return {
    metrics,
    maintenance,
    close: () => (closing ??= maintenance.stop()
      .then(() => closeAll(deps, workers, common.connection)))
  }
}

async function closeAll (
  deps: WorkerDeps,
  workers: Worker[],
  connection: { disconnect(): void }
): Promise<void> {
  const timeout = deps.config.SHUTDOWN_TIMEOUT_MS
  const graceful = Promise.all(workers.map((w) => w.close()))
  const timer = new Promise<'timeout'>((resolve) => setTimeout(resolve, timeout, 'timeout').unref())
  if (await Promise.race([graceful.then(() => 'done' as const), timer]) === 'timeout') {
    // Not `close(true)`: once a close is under way BullMQ hands back that
    // same pending promise, which waits for the stuck job forever. The job
    // is left as it is; its lock lapses and another worker runs it again.
    deps.logger.warn({ timeoutMs: timeout }, 'in-flight jobs did not finish; forcing close')
  }
  const results = await Promise.allSettled([
    deps.queues.close(),
    deps.db.$disconnect(),
    deps.channels.close(),
    deps.platform.close()
  ])
  connection.disconnect()
  for (const result of results) {
    if (result.status === 'rejected') deps.logger.warn({ err: result.reason }, 'close failed')
  }
}
