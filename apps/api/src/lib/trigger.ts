import type { FastifyInstance } from 'fastify'
import { createTrigger, getNotification, type Company } from '@herald/db'
import { Errors } from '../errors.js'
import type { TriggerBody } from '../schemas/notification.js'

const unique = (items: readonly string[] | undefined): string[] =>
  [...new Set((items ?? []).map((item) => item.trim()).filter(Boolean))]

/**
 * Records a manual send and queues it. Nothing is sent here: the worker
 * resolves the users and groups, renders and delivers, so this answers
 * at once however large the groups are.
 */
export async function triggerNotification (
  app: FastifyInstance,
  company: Company,
  notificationId: number,
  body: TriggerBody
): Promise<string> {
  const notification = await getNotification(app.db, company.id, notificationId)
  if (!notification.enabled) {
    throw Errors.validation({ enabled: ['The notification is disabled; enable it to send it.'] })
  }
  const users = unique(body.users)
  const groups = unique(body.groups)
  if (users.length === 0 && groups.length === 0) {
    throw Errors.validation({ users: ['Name at least one user or group.'] })
  }
  const trigger = await createTrigger(app.db, {
    companyId: company.id, notificationId, users, groups, data: body.data ?? {}
  })
  try {
    await app.queues.enqueueTrigger(trigger.id)
  } catch (err) {
    // Unqueued, the row would never be processed: drop it, the client retries.
    await app.db.trigger.delete({ where: { id: trigger.id } }).catch(() => {})
    throw Errors.unavailable(err)
  }
  return trigger.id
}
