import t from 'tap'
import { fileURLToPath } from 'node:url'
import { scratchDatabaseUrl } from '@herald/testkit'
import {
  applyMigrations,
  claimDelivery,
  createDatabase,
  findEventWithCompany,
  markEventProcessed,
  queuedDeliveryIds,
  recordEvent,
  settleSent,
  type Database
} from '../src/index.js'

// These statements run as plain SQL for speed; each must leave and
// return exactly what Prisma itself would.

/** A migrated scratch database; `timeZone` sets its sessions' TimeZone. */
async function database (
  t: Parameters<typeof scratchDatabaseUrl>[0],
  timeZone?: string
): Promise<Database> {
  const url = scratchDatabaseUrl(t)
  const directory = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url))
  await applyMigrations({ databaseUrl: url, directory })
  const options = timeZone === undefined
    ? ''
    : `?options=${encodeURIComponent(`-c TimeZone=${timeZone}`)}`
  const db = createDatabase({ url: `${url}${options}` })
  t.teardown(() => db.$disconnect())
  await db.company.create({ data: { id: 'northwind', webhookSecretEnc: 'x' } })
  return db
}

async function queuedDelivery (db: Database) {
  const event = await recordEvent(db, {
    companyId: 'northwind', eventId: 'e1', event: 'user.create', data: { a: 1 }
  })
  const delivery = await db.delivery.create({
    data: {
      companyId: 'northwind',
      webhookEventId: event.id,
      dedupeKey: `${event.id}:1:email:a@example.com`,
      type: 'email',
      recipient: 'a@example.com',
      subject: 'Hi'
    }
  })
  return { event, delivery }
}

t.test('a claimed delivery reads as Prisma reads the row', async (t) => {
  const db = await database(t)
  const { delivery } = await queuedDelivery(db)
  const claimed = await claimDelivery(db, delivery.id, 30_000)
  const stored = await db.delivery.findUniqueOrThrow({ where: { id: delivery.id } })
  t.strictSame(claimed, stored)
  t.equal(stored.status, 'sending')
  t.equal(stored.attempts, 1)
  t.ok(stored.claimedAt instanceof Date)
  t.ok(Math.abs((stored.claimedAt?.getTime() ?? 0) - Date.now()) < 60_000,
    'claimed now, in UTC')
  t.equal(await claimDelivery(db, delivery.id, 30_000), null, 'held: no second claim')
})

t.test('a sent delivery and a processed event are stored as Prisma would', async (t) => {
  const db = await database(t)
  const { event, delivery } = await queuedDelivery(db)
  t.same(await queuedDeliveryIds(db, event.id), [delivery.id])
  await claimDelivery(db, delivery.id, 30_000)
  t.same(await queuedDeliveryIds(db, event.id), [])
  await settleSent(db, delivery.id, '<m@x>')
  const sent = await db.delivery.findUniqueOrThrow({ where: { id: delivery.id } })
  t.equal(sent.status, 'sent')
  t.equal(sent.providerId, '<m@x>')
  t.ok(Math.abs((sent.sentAt?.getTime() ?? 0) - Date.now()) < 60_000)
  t.ok(sent.updatedAt >= delivery.updatedAt)
  await markEventProcessed(db, event.id)
  const stored = await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })
  t.equal(stored.status, 'processed')
  t.ok(Math.abs((stored.processedAt?.getTime() ?? 0) - Date.now()) < 60_000)
})

t.test('settling or marking a row that is gone is a not-found error', async (t) => {
  const db = await database(t)
  const missing = '00000000-0000-4000-8000-000000000000'
  await t.rejects(settleSent(db, missing, null), { code: 'HERALD_ERR_DB_NOT_FOUND' })
  await t.rejects(markEventProcessed(db, missing), { code: 'HERALD_ERR_DB_NOT_FOUND' })
})

t.test('an event reads with its company as Prisma includes it', async (t) => {
  const db = await database(t)
  await db.company.update({
    where: { id: 'northwind' },
    data: { name: 'Northwind', active: true, activatedAt: new Date(), mode: 'production' }
  })
  const { event } = await queuedDelivery(db)
  const found = await findEventWithCompany(db, event.id)
  const prisma = await db.webhookEvent.findUnique({
    where: { id: event.id }, include: { company: true }
  })
  t.strictSame(found, prisma)
  t.same(found?.data, { a: 1 })
  t.equal(found?.company.name, 'Northwind')
  t.equal(await findEventWithCompany(db, '00000000-0000-4000-8000-000000000000'), null)
})

t.test('an event stored in a session far from UTC reads back as now', async (t) => {
  for (const zone of ['Asia/Tokyo', 'America/New_York']) {
    const db = await database(t, zone)
    const { id } = await recordEvent(db, {
      companyId: 'northwind', eventId: 'tz', event: 'user.create', data: {}
    })
    const row = await db.webhookEvent.findUniqueOrThrow({ where: { id } })
    t.ok(Math.abs(row.receivedAt.getTime() - Date.now()) < 60_000,
      `${zone}: received ${row.receivedAt.toISOString()}, not hours away`)
  }
})
