import type { Queue } from 'bullmq'
import type { QueueName } from './names.js'
import type { Queues } from './queues.js'

/** The job states an operator watches, in the order BullMQ reports them. */
export const JOB_STATES = [
  'waiting',
  'prioritized',
  'active',
  'delayed',
  'waiting-children',
  'completed',
  'failed'
] as const

export type JobState = (typeof JOB_STATES)[number]

/** How many jobs each queue holds in each state. */
export type QueueDepths = Record<QueueName, Record<JobState, number>>

/** Every queue of a {@link Queues}, by name: what dashboards list. */
export function queueList (queues: Queues): Array<Queue> {
  return [queues.events, queues.deliveries, queues.triggers]
}

/**
 * The depth of every queue, read from Redis in one call per queue. A
 * Redis outage rejects: the caller decides whether that is an error.
 */
export async function queueDepths (queues: Queues): Promise<QueueDepths> {
  const entries = await Promise.all(queueList(queues).map(async (queue) => {
    const counts = await queue.getJobCounts(...JOB_STATES)
    const byState = Object.fromEntries(
      JOB_STATES.map((state) => [state, counts[state] ?? 0])
    ) as Record<JobState, number>
    return [queue.name, byState] as const
  }))
  return Object.fromEntries(entries) as QueueDepths
}
