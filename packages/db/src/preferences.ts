import type { Database } from './client.js'

/** Stores one user's choice for one notification. */
export async function setPreference (
  db: Database,
  pref: { companyId: string, notificationId: number, userId: string, enabled: boolean }
): Promise<void> {
  const { companyId, notificationId, userId, enabled } = pref
  await db.userPreference.upsert({
    where: { notificationId_userId: { notificationId, userId } },
    create: { companyId, notificationId, userId, enabled },
    update: { enabled }
  })
}

/** The user's choices, by notification id; absent means never chosen. */
export async function preferencesOf (
  db: Database,
  companyId: string,
  userId: string,
  notificationIds: readonly number[]
): Promise<Map<number, boolean>> {
  const rows = await db.userPreference.findMany({
    where: { companyId, userId, notificationId: { in: [...notificationIds] } },
    select: { notificationId: true, enabled: true }
  })
  return new Map(rows.map((row) => [row.notificationId, row.enabled]))
}

/** Of `userIds`, those who switched the notification off. */
export async function usersOptedOut (
  db: Database,
  notificationId: number,
  userIds: readonly string[]
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set()
  const rows = await db.userPreference.findMany({
    where: { notificationId, enabled: false, userId: { in: [...userIds] } },
    select: { userId: true }
  })
  return new Set(rows.map((row) => row.userId))
}
