import type { FastifyInstance } from 'fastify'
import {
  getNotification,
  preferencesOf,
  type Notification
} from '@herald/db'
import { Errors } from '../errors.js'

/** A notification as a user sees it, with their own choice. */
export function toUserNotification (row: Notification, enabled: boolean | undefined) {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    description: row.description,
    event: row.event,
    enabled: enabled ?? true
  }
}

/**
 * A notification the user may switch on or off: the company's, enabled,
 * with `preference_enabled`. Anything else is not found for users.
 */
export async function switchableNotification (
  app: FastifyInstance,
  companyId: string,
  id: number
): Promise<Notification> {
  const row = await getNotification(app.db, companyId, id)
  if (!row.preferenceEnabled || !row.enabled) throw Errors.notFound()
  return row
}

/** The user's view of several notifications at once. */
export async function withChoices (
  app: FastifyInstance,
  companyId: string,
  userId: string,
  rows: Notification[]
) {
  const choices = await preferencesOf(app.db, companyId, userId, rows.map((r) => r.id))
  return rows.map((row) => toUserNotification(row, choices.get(row.id)))
}
