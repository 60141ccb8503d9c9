import { sqlOf, type Database } from './client.js'
import { NotFoundError } from './errors.js'
import { timestampAs, utcTimestamp } from './sql-values.js'
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
  const { rows } = await sqlOf(db).query<{ id: string }>({
    name: 'herald-queued-delivery-ids',
    text: `SELECT id::text AS id FROM deliveries
      WHERE webhook_event_id = $1::uuid AND status = 'queued'`,
    values: [webhookEventId]
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
  const now = new Date()
  const expired = new Date(now.getTime() - leaseMs)
  const { rows } = await sqlOf(db).query<Delivery>({
    name: 'herald-claim-delivery',
    text: `UPDATE deliveries SET status = 'sending', claimed_at = $2,
        updated_at = $2, attempts = attempts + 1
      WHERE id = $1::uuid AND (status = 'queued'
        OR (status = 'sending' AND claimed_at < $3))
      RETURNING ${DELIVERY_COLUMNS}`,
    values: [id, utcTimestamp(now), utcTimestamp(expired)]
  })
  return rows[0] ?? null
}

/**
 * Every column of `deliveries` as Prisma names and types it: uuids as
 * text, and timestamps (stored as UTC wall time) as instants.
 */
const DELIVERY_COLUMNS = [
  'id::text AS "id"',
  'company_id AS "companyId"',
  'webhook_event_id::text AS "webhookEventId"',
  'trigger_id::text AS "triggerId"',
  'notification_id AS "notificationId"',
  'dedupe_key AS "dedupeKey"',
  'type::text AS "type"',
  'user_id AS "userId"',
  'recipient',
  'status::text AS "status"',
  'subject',
  'text_message AS "textMessage"',
  'html_message AS "htmlMessage"',
  'sms_message AS "smsMessage"',
  'push_message AS "pushMessage"',
  'from_email AS "fromEmail"',
  'provider',
  'attempts',
  'error_message AS "errorMessage"',
  'provider_id AS "providerId"',
  ...['claimed_at', 'sent_at', 'received_at', 'created_at', 'updated_at']
    .map((column) => timestampAs(column, camel(column)))
].join(', ')

function camel (column: string): string {
  return column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())
}

/** Records the provider's acceptance; a NotFoundError when the row is gone. */
export async function settleSent (
  db: Database,
  id: string,
  providerId: string | null
): Promise<void> {
  const now = utcTimestamp(new Date())
  const { rowCount } = await sqlOf(db).query({
    name: 'herald-settle-sent',
    text: `UPDATE deliveries SET status = 'sent', sent_at = $2,
        updated_at = $2, provider_id = $3, error_message = NULL
      WHERE id = $1::uuid`,
    values: [id, now, providerId]
  })
  if (rowCount === 0) throw new NotFoundError(`no delivery ${id}`)
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
