import type { Job, Queue } from 'bullmq'
import type { Database } from '@herald/db'
import {
  deliveryJobId,
  eventJobId,
  triggerJobId,
  type Queues
} from '@herald/queue'

/** Rows looked at per kind and sweep, so one sweep stays short. */
export const SWEEP_BATCH = 500

/** How many stored rows a sweep found without a job, by kind. */
export interface SweepReport {
  events: number
  triggers: number
  deliveries: number
}

export interface SweepOptions {
  db: Database
  queues: Queues
  /** Rows younger than this are left to the normal path. */
  olderThanMs: number
  /** A claim younger than this belongs to a live worker. */
  lockMs: number
  now?: Date
}

/**
 * Queues again what PostgreSQL says is pending but Redis has no job for:
 * an event stored while Redis was away (the webhook answered 503 and the
 * platform gave up), or jobs lost with Redis's data (a restart without
 * persistence drops waiting and delayed jobs alike). A row whose job
 * still exists, in any state, is left alone: job ids make the add a
 * no-op anyway, and a failed job is the operator's to retry.
 */
export async function sweepStuck (options: SweepOptions): Promise<SweepReport> {
  const now = (options.now ?? new Date()).getTime()
  const { events, triggers, deliveries } = await pendingRows(
    options.db,
    new Date(now - options.olderThanMs),
    new Date(now - Math.max(options.olderThanMs, options.lockMs))
  )
  const { queues } = options
  const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id)
  const lostEvents = await missing(queues.events, ids(events), eventJobId)
  const lostTriggers = await missing(queues.triggers, ids(triggers), triggerJobId)
  const lostDeliveries = await missing(queues.deliveries, ids(deliveries), deliveryJobId)
  for (const id of lostEvents) await queues.enqueueEvent(id)
  for (const id of lostTriggers) await queues.enqueueTrigger(id)
  await queues.enqueueDeliveries(lostDeliveries)
  return {
    events: lostEvents.length,
    triggers: lostTriggers.length,
    deliveries: lostDeliveries.length
  }
}

/** Oldest first, what PostgreSQL says still waits for a worker. */
async function pendingRows (db: Database, before: Date, claimedBefore: Date) {
  const select = { id: true } as const
  const [events, triggers, deliveries] = await Promise.all([
    db.webhookEvent.findMany({
      where: { status: 'received', receivedAt: { lt: before } },
      select, orderBy: { receivedAt: 'asc' }, take: SWEEP_BATCH
    }),
    db.trigger.findMany({
      where: { status: 'received', createdAt: { lt: before } },
      select, orderBy: { createdAt: 'asc' }, take: SWEEP_BATCH
    }),
    db.delivery.findMany({
      where: {
        createdAt: { lt: before },
        OR: [
          { status: 'queued' },
          { status: 'sending', claimedAt: { lt: claimedBefore } }
        ]
      },
      select, orderBy: { createdAt: 'asc' }, take: SWEEP_BATCH
    })
  ])
  return { events, triggers, deliveries }
}

/** The ids among `ids` whose job does not exist in `queue`. */
async function missing (
  queue: Queue,
  ids: readonly string[],
  jobId: (id: string) => string
): Promise<string[]> {
  const jobs: Array<Job | undefined> = await Promise.all(
    ids.map((id) => queue.getJob(jobId(id)))
  )
  return ids.filter((_id, i) => jobs[i] === undefined || jobs[i] === null)
}
