import type { Job } from 'bullmq'
import {
  dedupeKey,
  insertDeliveries,
  markTriggerProcessed,
  queuedTriggerDeliveryIds,
  type Company,
  type NewDelivery,
  type Notification,
  type Trigger,
  type WebhookEvent
} from '@herald/db'
import type { TriggerJobData } from '@herald/queue'
import { buildContext, type TemplateContext } from './context.js'
import type { WorkerDeps } from './deps.js'
import { planFinisher } from './finish-plan.js'
import { planNotification } from './plan-notification.js'
import { inLanguage } from './select-notification.js'
import { triggerRecipients, type TriggerRecipient } from './trigger-recipients.js'
import { createUserDirectory, type UserDirectory } from './user-directory.js'

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? value as Record<string, unknown>
    : {}

/**
 * The trigger seen by the planners as an event about one user: its id
 * (`trigger:<id>`) makes every dedupe key of the trigger its own.
 */
function asEvent (trigger: Trigger, notification: Notification, userId: string): WebhookEvent {
  return {
    id: `trigger:${trigger.id}`,
    companyId: trigger.companyId,
    eventId: trigger.id,
    event: notification.event,
    data: { user: { id: userId } },
    status: 'received',
    receivedAt: trigger.createdAt,
    processedAt: null
  }
}

/** The admin's `data`, with `user` the recipient's platform record. */
function triggerContext (
  event: WebhookEvent,
  company: Company,
  trigger: Trigger,
  user: TriggerRecipient['user']
): TemplateContext {
  const base = buildContext(event, company)
  return { ...asRecord(trigger.data), user, context: base.context }
}

/** A recipient the platform does not know: recorded, not sent. */
function unknownUser (trigger: Trigger, notification: Notification, id: string): NewDelivery {
  return {
    companyId: trigger.companyId,
    webhookEventId: null,
    triggerId: trigger.id,
    notificationId: notification.id,
    dedupeKey: dedupeKey({
      source: `trigger:${trigger.id}`,
      notificationId: notification.id,
      type: notification.type,
      recipient: `user:${id}`
    }),
    type: notification.type,
    userId: id,
    recipient: '',
    status: 'skipped',
    errorMessage: 'user not found on the platform'
  }
}

interface PlanAll {
  deps: WorkerDeps
  company: Company
  trigger: Trigger
  notification: Notification
  directory: UserDirectory
}

/** Every row the trigger makes, one recipient after another. */
async function planTrigger (input: PlanAll): Promise<NewDelivery[]> {
  const { deps, company, trigger, notification, directory } = input
  const recipients = await triggerRecipients(deps, company, trigger, directory)
  const providers = await deps.lookups.providers(company.id)
  const finish = await planFinisher(deps, notification)
  const known = knowing(directory, recipients)
  const planned: NewDelivery[] = []
  for (const { id, user } of recipients) {
    if (user === null) {
      planned.push(unknownUser(trigger, notification, id))
      continue
    }
    const event = asEvent(trigger, notification, id)
    const context = triggerContext(event, company, trigger, user)
    const input = {
      renderer: deps.renderer, company, event, notification, context, directory: known, providers
    }
    const localize = async () => inLanguage(notification, user.language)
    const plan = await planNotification(input, finish, localize)
    planned.push(...plan.rows.map((row) => ownRow(trigger, row)))
  }
  return planned
}

/** The directory, answering from the records already read for the trigger. */
function knowing (directory: UserDirectory, recipients: TriggerRecipient[]): UserDirectory {
  const known = new Map(recipients.map((r) => [r.id, r.user]))
  return {
    ...directory,
    user: async (id) => known.has(id) ? known.get(id) ?? null : directory.user(id)
  }
}

/** A planned row as the trigger's own, not an event's. */
const ownRow = (trigger: Trigger, row: NewDelivery): NewDelivery =>
  ({ ...row, webhookEventId: null, triggerId: trigger.id })

/**
 * Sends a notification an admin triggered to the users and groups they
 * named. Safe to run again: rows are unique on `trigger:<id>` keys, jobs
 * on their ids, and a processed trigger is left alone.
 */
export async function processTrigger (
  deps: WorkerDeps,
  job: Job<TriggerJobData>
): Promise<string> {
  const { db } = deps
  const trigger = await db.trigger.findUnique({
    where: { id: job.data.triggerId },
    include: { company: true, notification: true }
  })
  if (!trigger || trigger.status !== 'received') return 'already processed'
  const { company, notification } = trigger
  if (company.active && notification.enabled) {
    const directory = createUserDirectory(deps, company)
    const input = { deps, company, trigger, notification, directory }
    await insertDeliveries(db, await planTrigger(input))
  }
  const ids = await queuedTriggerDeliveryIds(db, trigger.id)
  await deps.queues.enqueueDeliveries(ids)
  await markTriggerProcessed(db, trigger.id)
  deps.logger.info({ jobId: job.id, triggerId: trigger.id, deliveries: ids.length }, 'trigger processed')
  return `${ids.length} deliveries queued`
}
