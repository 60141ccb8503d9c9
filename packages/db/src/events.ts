import type { Database } from './client.js'
import type { WebhookEventStatus } from './generated/prisma/client.js'

export interface IncomingEvent {
  companyId: string
  eventId: string
  event: string
  data: unknown
}

export interface RecordedEvent {
  id: string
  status: WebhookEventStatus
  /** False when the same (company, event id) was already stored. */
  inserted: boolean
}

/**
 * Stores a webhook once per (company, event id) in a single round trip.
 * A duplicate, sequential or concurrent, returns the row already stored:
 * the no-op update makes PostgreSQL return it and serialises racers on the
 * row lock, and `xmax = 0` tells a fresh insert from a conflict.
 */
export async function recordEvent (
  db: Database,
  incoming: IncomingEvent
): Promise<RecordedEvent> {
  const rows = await db.$queryRaw<RecordedEvent[]>`
    INSERT INTO webhook_events (id, company_id, event_id, event, data)
    VALUES (gen_random_uuid(), ${incoming.companyId}, ${incoming.eventId},
            ${incoming.event}, ${JSON.stringify(incoming.data)}::jsonb)
    ON CONFLICT (company_id, event_id)
      DO UPDATE SET event_id = EXCLUDED.event_id
    RETURNING id::text AS id, status::text AS status, (xmax = 0) AS inserted`
  const row = rows[0]
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function markEventProcessed (db: Database, id: string): Promise<void> {
  await db.webhookEvent.update({
    where: { id },
    data: { status: 'processed', processedAt: new Date() }
  })
}
