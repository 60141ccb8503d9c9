import { Worker } from 'bullmq'
import type { Config } from '@herald/config'
import { createDatabase, SecretBox } from '@herald/db'
import type { Logger } from '@herald/log'
import { createQueues, createRedis, QueueName } from '@herald/queue'
import type { Redis } from 'ioredis'
import { createRenderer } from '@herald/templates'
import { createEmailChannel } from './channels/email.js'
import type { WorkerDeps } from './deps.js'
import { processDelivery } from './process-delivery.js'
import { processEvent } from './process-event.js'

export interface RunningWorker {
  /** Stops taking jobs, waits for those in flight up to the timeout. */
  close(): Promise<void>
}

export function createDeps (
  config: Config,
  logger: Logger,
  connection: Redis
): WorkerDeps {
  const oldKeys = config.HERALD_ENCRYPTION_KEYS_OLD.split(',').filter(Boolean)
  return {
    config,
    logger,
    db: createDatabase({ url: config.DATABASE_URL }),
    box: new SecretBox(config.HERALD_ENCRYPTION_KEY, oldKeys),
    queues: createQueues({
      connection,
      prefix: config.QUEUE_PREFIX,
      policy: {
        deliveryAttempts: config.DELIVERY_ATTEMPTS,
        backoffMs: config.DELIVERY_BACKOFF_MS
      }
    }),
    renderer: createRenderer(),
    email: createEmailChannel(config)
  }
}

export function startWorker (config: Config, logger: Logger): RunningWorker {
  const connection = createRedis(config.REDIS_URL, 'worker')
  const deps = createDeps(config, logger, connection)
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
    new Worker(QueueName.deliveries, (job) => processDelivery(deps, job), {
      ...common,
      concurrency: config.WORKER_CONCURRENCY
    })
  ]
  for (const worker of workers) {
    worker.on('error', (err) => logger.error({ err, queue: worker.name }, 'worker error'))
    worker.on('failed', (job, err) => logger.warn(
      { jobId: job?.id, queue: worker.name, err: { message: err.message } },
      'job failed'
    ))
  }
  let closing: Promise<void> | null = null
  return {
    close: () => (closing ??= closeAll(deps, workers, common.connection))
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
    deps.logger.warn({ timeoutMs: timeout }, 'in-flight jobs did not finish; forcing close')
    await Promise.allSettled(workers.map((w) => w.close(true)))
  }
  const results = await Promise.allSettled([
    deps.queues.close(),
    deps.db.$disconnect()
  ])
  deps.email.close()
  connection.disconnect()
  for (const result of results) {
    if (result.status === 'rejected') deps.logger.warn({ err: result.reason }, 'close failed')
  }
}
