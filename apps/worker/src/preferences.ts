import { usersOptedOut, type Database, type NewDelivery, type Notification } from '@herald/db'

/** Why a row was not sent when its user said no. */
export const OPTED_OUT = 'the user switched this notification off'

/**
 * Users' own choices, for notifications they may switch off: a planned
 * row for a user who switched it off becomes a skipped row with the
 * reason. Notifications users may not switch off ignore preferences.
 */
export async function honourPreferences (
  db: Database,
  notification: Notification,
  rows: NewDelivery[]
): Promise<NewDelivery[]> {
  if (!notification.preferenceEnabled) return rows
  const userIds = rows.flatMap((row) =>
    row.userId && row.status !== 'skipped' ? [row.userId] : [])
  const out = await usersOptedOut(db, notification.id, [...new Set(userIds)])
  if (out.size === 0) return rows
  return rows.map((row) => row.userId && out.has(row.userId) && row.status !== 'skipped'
    ? { ...row, status: 'skipped', errorMessage: OPTED_OUT }
    : row)
}
