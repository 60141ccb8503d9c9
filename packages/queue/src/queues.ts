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

  async function enqueueTrigger (triggerId: string): Promise<void> {
    await triggers.add('trigger', { triggerId }, { jobId: triggerJobId(triggerId) })
  }

  async function enqueueEvent (webhookEventId: string): Promise<void> {
    await events.add('event', { webhookEventId }, {
      jobId: eventJobId(webhookEventId)
    })
  }

  async function enqueueDeliveries (ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    await deliveries.addBulk(ids.map((deliveryId) => ({
      name: 'delivery',
      data: { deliveryId },
      opts: { jobId: deliveryJobId(deliveryId) }
    })))
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
