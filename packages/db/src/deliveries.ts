import type { Database } from './client.js'
import type { Delivery, NotificationType } from './generated/prisma/client.js'

export interface NewDelivery {
  companyId: string
  webhookEventId: string | null
  /** The manual trigger that made it, when not an event. */
  triggerId?: string | null
  notificationId: number | null
  dedupeKey: string
  type: NotificationType
  userId: string | null
  recipient: string
  subject?: string
  textMessage?: string
  htmlMessage?: string
  smsMessage?: string
  pushMessage?: string
  fromEmail?: string
  /** Which provider will carry it: smtp, sendgrid, twilio, expo, webpush. */
  provider?: string | null
  status?: 'queued' | 'skipped' | 'failed'
  errorMessage?: string | null
}

/**
 * The key that makes a message unique: the same event, notification,
 * channel and recipient never produce a second row, however often the
 * event is processed.
 */
export function dedupeKey (parts: {
  source: string
  notificationId: number
  type: NotificationType
  recipient: string
}): string {
  const recipient = parts.recipient.trim().toLowerCase()
  return `${parts.source}:${parts.notificationId}:${parts.type}:${recipient}`
}

/** Inserts the rows that do not exist yet; existing keys are left alone. */
export async function insertDeliveries (
  db: Database,
  rows: readonly NewDelivery[]
): Promise<void> {
  if (rows.length === 0) return
  await db.delivery.createMany({ data: [...rows], skipDuplicates: true })
}

/** Ids of an event's deliveries that still wait to be sent. */
export async function queuedDeliveryIds (
  db: Database,
  webhookEventId: string
): Promise<string[]> {
  const rows = await db.delivery.findMany({
    where: { webhookEventId, status: 'queued' },
    select: { id: true }
  })
  return rows.map((row) => row.id)
}

/**
 * Claims a delivery for sending. Succeeds for a queued row, or for one
 * left `sending` by a worker that died longer than `leaseMs` ago; any other
 * state (sent, failed, skipped, or held by a live worker) returns null.
 */
export async function claimDelivery (
  db: Database,
  id: string,
  leaseMs: number
): Promise<Delivery | null> {
  const expired = new Date(Date.now() - leaseMs)
  const claimed = await db.delivery.updateManyAndReturn({
    where: {
      id,
      OR: [
        { status: 'queued' },
        { status: 'sending', claimedAt: { lt: expired } }
      ]
    },
    data: { status: 'sending', claimedAt: new Date(), attempts: { increment: 1 } }
  })
  return claimed[0] ?? null
}

export async function settleSent (
  db: Database,
  id: string,
  providerId: string | null
): Promise<void> {
  await db.delivery.update({
    where: { id },
    data: { status: 'sent', sentAt: new Date(), providerId, errorMessage: null }
  })
}

export async function settleFailed (
  db: Database,
  id: string,
  errorMessage: string
): Promise<void> {
  await db.delivery.update({
    where: { id },
    data: { status: 'failed', errorMessage }
  })
}

/** Puts a claimed delivery back for a later retry, keeping the reason. */
export async function releaseForRetry (
  db: Database,
  id: string,
  errorMessage: string
): Promise<void> {
  await db.delivery.update({
    where: { id },
    data: { status: 'queued', errorMessage, claimedAt: null }
  })
}

export function findDelivery (db: Database, id: string): Promise<Delivery | null> {
  return db.delivery.findUnique({ where: { id } })
}

/**
 * Marks a sent delivery failed after the fact: the provider accepted it,
 * then reported (in a receipt) that it could not be delivered.
 */
export async function settleRejectedAfterSend (
  db: Database,
  id: string,
  errorMessage: string
): Promise<void> {
  await db.delivery.updateMany({
    where: { id, status: 'sent' },
    data: { status: 'failed', errorMessage }
  })
}
