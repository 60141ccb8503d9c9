import type { Database } from './client.js'
import { NotFoundError } from './errors.js'
import type { PushSubscription } from './generated/prisma/client.js'

/** A browser's subscription as the Push API hands it to the page. */
export interface NewPushSubscription {
  companyId: string
  userId: string
  endpoint: string
  p256dh: string
  auth: string
  userAgent?: string
}

/**
 * Stores a browser subscription. The endpoint identifies the browser, so
 * registering a known endpoint again moves it to the caller with its new
 * keys instead of keeping a stale copy.
 */
export function savePushSubscription (
  db: Database,
  sub: NewPushSubscription
): Promise<PushSubscription> {
  const fields = {
    companyId: sub.companyId,
    userId: sub.userId,
    p256dh: sub.p256dh,
    auth: sub.auth,
    userAgent: sub.userAgent ?? ''
  }
  return db.pushSubscription.upsert({
    where: { endpoint: sub.endpoint },
    create: { ...fields, endpoint: sub.endpoint },
    update: fields
  })
}

/** The user's browser subscriptions, oldest first. */
export function userPushSubscriptions (
  db: Database,
  companyId: string,
  userId: string
): Promise<PushSubscription[]> {
  return db.pushSubscription.findMany({
    where: { companyId, userId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
  })
}

/** Removes one of the user's subscriptions, or NotFoundError. */
export async function removePushSubscription (
  db: Database,
  owner: { companyId: string, userId: string },
  id: string
): Promise<void> {
  const { count } = await db.pushSubscription.deleteMany({
    where: { id, companyId: owner.companyId, userId: owner.userId }
  })
  if (count === 0) throw new NotFoundError()
}

export function findPushSubscription (
  db: Database,
  companyId: string,
  endpoint: string
): Promise<PushSubscription | null> {
  return db.pushSubscription.findFirst({ where: { companyId, endpoint } })
}

/** Forgets a subscription the push service reported gone (404/410). */
export async function dropPushSubscription (
  db: Database,
  companyId: string,
  endpoint: string
): Promise<void> {
  await db.pushSubscription.deleteMany({ where: { companyId, endpoint } })
}

/** Records a mobile push token the push service no longer accepts. */
export async function retirePushToken (
  db: Database,
  companyId: string,
  token: string,
  reason: string
): Promise<void> {
  await db.retiredPushToken.upsert({
    where: { companyId_token: { companyId, token } },
    create: { companyId, token, reason },
    update: { reason }
  })
}

/** Which of `tokens` were retired for the company. */
export async function retiredPushTokens (
  db: Database,
  companyId: string,
  tokens: readonly string[]
): Promise<Set<string>> {
  if (tokens.length === 0) return new Set()
  const rows = await db.retiredPushToken.findMany({
    where: { companyId, token: { in: [...tokens] } },
    select: { token: true }
  })
  return new Set(rows.map((row) => row.token))
}
