import type { Job } from 'bullmq'
import {
  insertDeliveries,
  markEventProcessed,
  notificationsForEvent,
  queuedDeliveryIds,
  type NewDelivery
} from '@herald/db'
import type { EventJobData } from '@herald/queue'
import { buildContext } from './context.js'
import { planEmail } from './plan.js'
import type { WorkerDeps } from './deps.js'

/**
 * Turns a stored event into deliveries and queues them. Safe to run any
 * number of times: rows are unique on their dedupe key, jobs on their id,
 * and an event already processed is left alone.
 */
export async function processEvent (deps: WorkerDeps, job: Job<EventJobData>): Promise<string> {
  const { db } = deps
  const event = await db.webhookEvent.findUnique({
    where: { id: job.data.webhookEventId },
    include: { company: true }
  })
  if (!event || event.status !== 'received') return 'already processed'
  const { company } = event
  const planned: NewDelivery[] = []
  if (company.active) {
    const context = buildContext(event, company)
    for (const notification of await notificationsForEvent(db, company.id, event.event)) {
      const input = { renderer: deps.renderer, company, event, notification, context }
      planned.push(...await planEmail(input))
    }
  }
  await insertDeliveries(db, planned)
  const ids = await queuedDeliveryIds(db, event.id)
  await deps.queues.enqueueDeliveries(ids)
  await markEventProcessed(db, event.id)
  deps.logger.info({ jobId: job.id, event: event.event, deliveries: ids.length }, 'event processed')
  return `${ids.length} deliveries queued`
}
