import { Queue } from 'bullmq'
import type { Redis } from 'ioredis'
import {
  QueueName,
  eventJobId,
  deliveryJobId,
  triggerJobId,
  type EventJobData,
  type DeliveryJobData,
  type TriggerJobData
} from './names.js'
import { QueueUnavailableError } from './errors.js'
import {
  eventJobOptions,
  deliveryJobOptions,
  streamOptions,
  type JobPolicy
} from './options.js'

/** The producer side of Herald's queues. */
export interface Queues {
  events: Queue<EventJobData>
  deliveries: Queue<DeliveryJobData>
  triggers: Queue<TriggerJobData>
  enqueueEvent(webhookEventId: string): Promise<void>
  enqueueDeliveries(deliveryIds: readonly string[]): Promise<void>
  enqueueTrigger(triggerId: string): Promise<void>
  close(): Promise<void>
}

export interface QueuesOptions {
  connection: Redis
  prefix: string
  policy: JobPolicy
  /**
   * Told of connection errors of each queue (Redis away, reconnecting).
   * Without it BullMQ writes them to stderr.
   */
  onError?: (err: Error, queue: string) => void
  /**
   * Longest an enqueue may take; default {@link ENQUEUE_TIMEOUT_MS}.
   * BullMQ waits for a connection that was never ready instead of
   * failing, and a webhook must answer before the platform gives up.
   */
  enqueueTimeoutMs?: number
}

/** Below the platform's 5 s webhook timeout, with room to answer. */
export const ENQUEUE_TIMEOUT_MS = 3000

/**
 * `promise`, or a {@link QueueUnavailableError} after `ms`. The add may
 * still land later; job ids make the caller's retry a no-op then.
 */
async function inTime<T> (promise: Promise<T>, queue: string, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new QueueUnavailableError(queue, ms)), ms)
  })
  try {
    return await Promise.race([promise, expired])
  } finally {
    clearTimeout(timer)
  }
}

export function createQueues (options: QueuesOptions): Queues {
  const { connection, prefix, policy } = options
  const events = new Queue<EventJobData>(QueueName.events, {
    connection,
    prefix,
    streams: streamOptions,
    defaultJobOptions: eventJobOptions(policy)
  })
  const deliveries = new Queue<DeliveryJobData>(QueueName.deliveries, {
    connection,
    prefix,
    streams: streamOptions,
    defaultJobOptions: deliveryJobOptions(policy)
  })

  const triggers = new Queue<TriggerJobData>(QueueName.triggers, {
    connection,
    prefix,
    streams: streamOptions,
    defaultJobOptions: eventJobOptions(policy)
  })

  const { onError } = options
  if (onError) {
    for (const queue of [events, deliveries, triggers]) {
      queue.on('error', (err) => onError(err, queue.name))
    }
  }

  const timeoutMs = options.enqueueTimeoutMs ?? ENQUEUE_TIMEOUT_MS

  async function enqueueTrigger (triggerId: string): Promise<void> {
    await inTime(triggers.add('trigger', { triggerId }, {
      jobId: triggerJobId(triggerId)
    }), triggers.name, timeoutMs)
  }

  async function enqueueEvent (webhookEventId: string): Promise<void> {
    await inTime(events.add('event', { webhookEventId }, {
      jobId: eventJobId(webhookEventId)
    }), events.name, timeoutMs)
  }

  async function enqueueDeliveries (ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    await inTime(deliveries.addBulk(ids.map((deliveryId) => ({
      name: 'delivery',
      data: { deliveryId },
      opts: { jobId: deliveryJobId(deliveryId) }
    }))), deliveries.name, timeoutMs)
  }

  async function close (): Promise<void> {
    await Promise.allSettled([events.close(), deliveries.close(), triggers.close()])
  }

  return {
    events,
    deliveries,
    triggers,
    enqueueEvent,
    enqueueDeliveries,
    enqueueTrigger,
    close
  }
}
