import { sqlOf, type Database } from './client.js'
import { NotFoundError } from './errors.js'
import { utcTimestamp } from './sql-values.js'
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
  const { rows } = await sqlOf(db).query<RecordedEvent>({
    name: 'herald-record-event',
    // received_at is given, not left to the column default: that default
    // is the session's local wall time, and the column holds UTC's.
    text: `INSERT INTO webhook_events
        (id, company_id, event_id, event, data, received_at)
      VALUES (gen_random_uuid(), $1, $2, $3, $4::jsonb, $5)
      ON CONFLICT (company_id, event_id)
        DO UPDATE SET event_id = EXCLUDED.event_id
      RETURNING id::text AS id, status::text AS status,
        (xmax = 0) AS inserted`,
    values: [incoming.companyId, incoming.eventId, incoming.event,
      JSON.stringify(incoming.data), utcTimestamp(new Date())]
  })
  const row = rows[0]
  if (!row) throw new Error('insert returned no row')
  return row
}

/** Marks the event done; a NotFoundError when it is gone (purged). */
export async function markEventProcessed (db: Database, id: string): Promise<void> {
  const { rowCount } = await sqlOf(db).query({
    name: 'herald-mark-event-processed',
    text: `UPDATE webhook_events SET status = 'processed', processed_at = $2
      WHERE id = $1::uuid`,
    values: [id, utcTimestamp(new Date())]
  })
  if (rowCount === 0) throw new NotFoundError(`no webhook event ${id}`)
}
