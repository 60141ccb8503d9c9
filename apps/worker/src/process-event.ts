import type { Job } from 'bullmq'
import {
  findEventWithCompany,
  insertDeliveries,
  markEventProcessed,
  notificationsForEvent,
  queuedDeliveryIds,
  type NewDelivery
} from '@herald/db'
import type { EventJobData } from '@herald/queue'
import { eventContext } from './context.js'
import { planNotification } from './plan-notification.js'
import { planFinisher } from './finish-plan.js'
import { localized } from './select-notification.js'
import { createUserDirectory } from './user-directory.js'
import type { WorkerDeps } from './deps.js'

/**
 * Turns a stored event into deliveries and queues them. Safe to run any
 * number of times: rows are unique on their dedupe key, jobs on their id,
 * and an event already processed is left alone.
 */
export async function processEvent (deps: WorkerDeps, job: Job<EventJobData>): Promise<string> {
  const { db } = deps
  const event = await findEventWithCompany(db, job.data.webhookEventId)
  if (!event || event.status !== 'received') return 'already processed'
  const { company } = event
  const planned: NewDelivery[] = []
  if (company.active) {
    const notifications = await notificationsForEvent(db, company.id, event.event)
    const context = await eventContext(deps, event, company, notifications)
    const directory = createUserDirectory(deps, company)
    const providers = await deps.lookups.providers(company.id)
    for (const notification of notifications) {
      const input = {
        renderer: deps.renderer, company, event, notification, context, directory, providers
      }
      const finish = await planFinisher(deps, notification)
      const plan = await planNotification(input, finish, localized)
      if (plan.conditionFailure) {
        deps.logger.info({ jobId: job.id, notificationId: notification.id },
          'send condition failed')
      }
      planned.push(...plan.rows)
    }
  }
  await insertDeliveries(db, planned)
  const ids = await queuedDeliveryIds(db, event.id)
  await deps.queues.enqueueDeliveries(ids)
  await markEventProcessed(db, event.id)
  deps.logger.info({ jobId: job.id, event: event.event, deliveries: ids.length }, 'event processed')
  return `${ids.length} deliveries queued`
}
