import { sqlOf, type Database } from './client.js'
import type { Company, WebhookEvent } from './generated/prisma/client.js'
import { timestampAs } from './sql-values.js'

export type EventWithCompany = WebhookEvent & { company: Company }

const EVENT_COLUMNS = [
  'e.id::text AS "id"',
  'e.company_id AS "companyId"',
  'e.event_id AS "eventId"',
  'e.event AS "event"',
  'e.data AS "data"',
  'e.status::text AS "status"',
  timestampAs('e.received_at', 'receivedAt'),
  timestampAs('e.processed_at', 'processedAt')
]

/** The company's columns, prefixed `c.` so they part from the event's. */
const COMPANY_COLUMNS = [
  'c.id AS "c.id"',
  'c.name AS "c.name"',
  'c.system_email AS "c.systemEmail"',
  'c.support_email AS "c.supportEmail"',
  'c.contact_email AS "c.contactEmail"',
  'c.website AS "c.website"',
  'c.logo AS "c.logo"',
  'c.icon AS "c.icon"',
  'c.push_enabled AS "c.pushEnabled"',
  'c.mode::text AS "c.mode"',
  'c.active AS "c.active"',
  'c.webhook_secret_enc AS "c.webhookSecretEnc"',
  'c.service_user_id AS "c.serviceUserId"',
  'c.service_token_enc AS "c.serviceTokenEnc"',
  timestampAs('c.activated_at', 'c.activatedAt'),
  timestampAs('c.deactivated_at', 'c.deactivatedAt'),
  timestampAs('c.created_at', 'c.createdAt'),
  timestampAs('c.updated_at', 'c.updatedAt')
]

const SELECT_EVENT = `SELECT ${[...EVENT_COLUMNS, ...COMPANY_COLUMNS].join(', ')}
  FROM webhook_events e JOIN companies c ON c.id = e.company_id
  WHERE e.id = $1::uuid`

/**
 * A stored event and its company, read fresh in one plain statement (the
 * worker runs it for every event), as Prisma's `include` would return.
 */
export async function findEventWithCompany (
  db: Database,
  id: string
): Promise<EventWithCompany | null> {
  const { rows } = await sqlOf(db).query<Record<string, unknown>>({
    name: 'herald-event-with-company', text: SELECT_EVENT, values: [id]
  })
  const row = rows[0]
  if (row === undefined) return null
  const event: Record<string, unknown> = {}
  const company: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('c.')) company[key.slice(2)] = value
    else event[key] = value
  }
  return { ...event, company } as EventWithCompany
}
