import type { Database } from './client.js'
import { dedupeKey } from './deliveries.js'
import { NotFoundError } from './errors.js'
import { exactOrAmong } from './list-filter.js'
import type { Delivery, NotificationType, Prisma } from './generated/prisma/client.js'

/** Filters of the delivery log, as the admin and user APIs offer them. */
export interface DeliveryLogQuery {
  /** Only this user's deliveries (the user API always sets it). */
  userId?: string
  createdAfter?: Date
  createdBefore?: Date
  notificationId?: number
  recipient?: string
  recipientContains?: string
  sent?: boolean
  received?: boolean
  type?: NotificationType
  /** `__in` lists: the row's value is one of these. */
  typeIn?: NotificationType[]
  notificationIdIn?: number[]
  userIdIn?: string[]
  skip: number
  take: number
  newestFirst: boolean
}

function whereOf (companyId: string, q: DeliveryLogQuery): Prisma.DeliveryWhereInput {
  const created = {
    ...(q.createdAfter ? { gt: q.createdAfter } : {}),
    ...(q.createdBefore ? { lt: q.createdBefore } : {})
  }
  const recipient = {
    ...(q.recipient === undefined ? {} : { equals: q.recipient }),
    ...(q.recipientContains === undefined
      ? {}
      : { contains: q.recipientContains, mode: 'insensitive' as const })
  }
  return {
    companyId,
    userId: exactOrAmong(q.userId, q.userIdIn),
    ...(Object.keys(created).length ? { createdAt: created } : {}),
    notificationId: exactOrAmong(q.notificationId, q.notificationIdIn),
    ...(Object.keys(recipient).length ? { recipient } : {}),
    ...(q.sent === undefined ? {} : q.sent ? { status: 'sent' } : { status: { not: 'sent' } }),
    ...(q.received === undefined ? {} : { receivedAt: q.received ? { not: null } : null }),
    type: exactOrAmong(q.type, q.typeIn)
  }
}

export async function listDeliveryLogs (
  db: Database,
  companyId: string,
  query: DeliveryLogQuery
): Promise<{ count: number, rows: Delivery[] }> {
  const where = whereOf(companyId, query)
  const order = query.newestFirst ? 'desc' : 'asc'
  const [count, rows] = await db.$transaction([
    db.delivery.count({ where }),
    db.delivery.findMany({
      where,
      skip: query.skip,
      take: query.take,
      orderBy: [{ createdAt: order }, { id: order }]
    })
  ])
  return { count, rows }
}

/**
 * The company's delivery (and the user's, when `userId` is given), or
 * NotFoundError: never another company's or another user's.
 */
export async function getDeliveryLog (
  db: Database,
  companyId: string,
  id: string,
  userId?: string
): Promise<Delivery> {
  const found = await db.delivery.findFirst({
    where: { id, companyId, ...(userId === undefined ? {} : { userId }) }
  })
  if (!found) throw new NotFoundError()
  return found
}

/** Marks a user's delivery as received by them, or not. */
export async function markReceived (
  db: Database,
  companyId: string,
  userId: string,
  id: string,
  received: boolean
): Promise<Delivery> {
  const { count } = await db.delivery.updateMany({
    where: { id, companyId, userId },
    data: { receivedAt: received ? new Date() : null }
  })
  if (count === 0) throw new NotFoundError()
  return getDeliveryLog(db, companyId, id, userId)
}

const PENDING: ReadonlySet<string> = new Set(['queued', 'sending'])

/**
 * A copy of a delivery, queued afresh, to the same or another recipient:
 * a new message and a new log; the original stays as it was.
 *
 * Idempotent while the copy is on its way: asked again (a double click,
 * a client retry, two admins at once) before the last copy to that
 * recipient is sent or failed, it answers that copy instead of making a
 * second. Copies are numbered per original and recipient in their dedupe
 * key, so concurrent asks race for one unique key and one row.
 */
export async function copyDelivery (
  db: Database,
  original: Delivery,
  recipient: string
): Promise<Delivery> {
  const copies = await copiesTo(db, original, recipient)
  const last = copies.at(-1)
  if (last && PENDING.has(last.status)) return last
  const key = dedupeKey({
    source: `resend:${original.id}:${copies.length}`,
    notificationId: original.notificationId ?? 0,
    type: original.type,
    recipient
  })
  await db.delivery.createMany({
    data: [copyData(original, recipient, key)],
    skipDuplicates: true
  })
  return db.delivery.findUniqueOrThrow({ where: { dedupeKey: key } })
}

/** Earlier resends of `original` to `recipient`, oldest first. */
async function copiesTo (
  db: Database,
  original: Delivery,
  recipient: string
): Promise<Delivery[]> {
  const copies = await db.delivery.findMany({
    where: {
      companyId: original.companyId,
      dedupeKey: { startsWith: `resend:${original.id}:` }
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
  })
  const wanted = recipient.trim().toLowerCase()
  return copies.filter((c) => c.recipient.trim().toLowerCase() === wanted)
}

function copyData (original: Delivery, recipient: string, key: string) {
  return {
    companyId: original.companyId,
    webhookEventId: original.webhookEventId,
    triggerId: original.triggerId,
    notificationId: original.notificationId,
    dedupeKey: key,
    type: original.type,
    userId: original.userId,
    recipient,
    subject: original.subject,
    textMessage: original.textMessage,
    htmlMessage: original.htmlMessage,
    smsMessage: original.smsMessage,
    pushMessage: original.pushMessage,
    fromEmail: original.fromEmail
  }
}
