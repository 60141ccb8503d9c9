import t, { type Test } from 'tap'
import type { Config } from '@herald/config'
import { createDatabase, type Database } from '@herald/db'
import { createLogger } from '@herald/log'
import { createQueues, createRedis, type Queues } from '@herald/queue'
import { testConfig, uniqueId } from '@herald/testkit'
import { startMaintenance, type MaintenanceDeps } from '../src/maintenance.js'
import { createWorkerMetrics } from '../src/metrics.js'
import { PRUNE_BATCH, pruneExpired } from '../src/retention.js'
import { eventually, startStack } from './helpers.js'
import { ownDatabase, ownRedis, platformSends, statuses } from './fault-helpers.js'

const DAY = 24 * 3600 * 1000
const ago = (days: number) => new Date(Date.now() - days * DAY)

t.test('an event stored while Redis was down, given up by the platform, is sent once by the sweep', async (t) => {
  const redis = await ownRedis(t)
  const s = await startStack(t, {
    REDIS_URL: redis.url,
    DATABASE_URL: await ownDatabase(t),
    MAINTENANCE_INTERVAL_MS: '200',
    SWEEP_AFTER_MS: '400'
  })
  await s.createNotification()
  const worker = s.startWorker()

  await redis.kill()
  // Stored, not queued: the 503 tells the platform to retry, and it
  // gives up before Redis is back.
  t.same(statuses(await platformSends(s, 'given-up', 2, 50)), [503, 503, 503])
  const event = await s.app.db.webhookEvent.findFirstOrThrow({
    where: { companyId: s.companyId }
  })
  t.equal(event.status, 'received')

  await redis.start()
  const [mail] = await s.sink.waitForMessages(1, 20_000)
  t.equal(mail?.to[0], 'lina.okafor@example.org')
  await eventually(async () => (await s.app.db.webhookEvent.findUniqueOrThrow({
    where: { id: event.id }
  })).status === 'processed')
  const metrics = await worker.metrics.registry.getSingleMetricAsString(
    'herald_maintenance_requeued_total'
  )
  t.match(metrics, /herald_maintenance_requeued_total\{kind="events"\} [1-9]/)
  // A few more sweeps find nothing more to do.
  await new Promise((resolve) => setTimeout(resolve, 600))
  t.equal(s.sink.messages.length, 1, 'sent once')
  t.equal(await s.app.db.delivery.count({ where: { companyId: s.companyId } }), 1)
})

interface Fixture {
  config: Config
  db: Database
  queues: Queues
  deps: MaintenanceDeps
  companyId: string
}

async function fixture (t: Test, overrides: Record<string, string> = {}): Promise<Fixture> {
  const config = testConfig({
    DATABASE_URL: await ownDatabase(t),
    MAINTENANCE_INTERVAL_MS: '60000',
    ...overrides
  })
  const db = createDatabase({ url: config.DATABASE_URL })
  const redis = createRedis(config.REDIS_URL, 'worker')
  const queues = createQueues({
    connection: redis,
    prefix: config.QUEUE_PREFIX,
    policy: { deliveryAttempts: 1, backoffMs: 10 }
  })
  t.teardown(async () => {
    await Promise.all([queues.events.obliterate({ force: true }),
      queues.deliveries.obliterate({ force: true })])
    await queues.close()
    await db.$disconnect()
    redis.disconnect()
  })
  const companyId = uniqueId('co')
  await db.company.create({ data: { id: companyId, webhookSecretEnc: 'x', active: true } })
  const logger = createLogger({ level: 'silent' })
  const deps = { config, db, queues, logger, metrics: createWorkerMetrics(), redis }
  return { config, db, queues, deps, companyId }
}

let seq = 0

type Status = 'queued' | 'sent' | 'failed' | 'skipped'

/** A delivery row as the worker writes it, created at `createdAt`. */
function delivery (
  companyId: string,
  status: Status,
  createdAt: Date,
  webhookEventId: string | null = null
) {
  seq++
  return {
    companyId,
    webhookEventId,
    dedupeKey: `prune:${companyId}:${seq}`,
    type: 'email' as const,
    recipient: `r${seq}@example.org`,
    status,
    createdAt
  }
}

t.test('retention removes finished rows older than RETENTION_DAYS and keeps the rest', async (t) => {
  const { db, companyId } = await fixture(t)
  const event = (eventId: string, status: 'received' | 'processed', receivedAt: Date) =>
    db.webhookEvent.create({
      data: { companyId, eventId, event: 'transaction.execute', data: {}, status, receivedAt }
    })
  const oldDone = await event('old-done', 'processed', ago(40))
  const oldPending = await event('old-pending', 'received', ago(40))
  const young = await event('young', 'processed', ago(1))
  await db.delivery.createMany({
    data: [
      delivery(companyId, 'sent', ago(40), oldDone.id),
      delivery(companyId, 'failed', ago(31)),
      delivery(companyId, 'skipped', ago(31)),
      delivery(companyId, 'queued', ago(40)),
      delivery(companyId, 'sent', ago(29), young.id)
    ]
  })
  const notification = await db.notification.create({
    data: { companyId, type: 'email', name: 'n' }
  })
  await db.trigger.createMany({
    data: [
      { companyId, notificationId: notification.id, status: 'processed', createdAt: ago(40) },
      { companyId, notificationId: notification.id, status: 'received', createdAt: ago(40) },
      { companyId, notificationId: notification.id, status: 'processed', createdAt: ago(2) }
    ]
  })

  const report = await pruneExpired(db, 30)
  t.same(report, { deliveries: 3, events: 1, triggers: 1 })
  const left = await db.delivery.findMany({ where: { companyId }, orderBy: { createdAt: 'asc' } })
  t.same(left.map((d) => d.status), ['queued', 'sent'], 'unfinished and young rows stay')
  const events = await db.webhookEvent.findMany({ where: { companyId } })
  t.same(events.map((e) => e.id).sort(), [oldPending.id, young.id].sort())
  t.same((await db.trigger.findMany({ where: { companyId } })).map((r) => r.status).sort(),
    ['processed', 'received'])
  t.same(await pruneExpired(db, 30), { deliveries: 0, events: 0, triggers: 0 })
})

t.test('retention deletes in batches until nothing old is left', async (t) => {
  const { db, companyId } = await fixture(t)
  const count = PRUNE_BATCH * 2 + 17
  await db.delivery.createMany({
    data: Array.from({ length: count }, () => delivery(companyId, 'sent', ago(90)))
  })
  t.equal((await pruneExpired(db, 30)).deliveries, count)
  t.equal(await db.delivery.count({ where: { companyId } }), 0)
})

t.test('of two workers, one takes each maintenance turn', async (t) => {
  const { deps, db, queues, companyId } = await fixture(t, { SWEEP_AFTER_MS: '100' })
  const stored = await db.webhookEvent.create({
    data: { companyId, eventId: 'lost', event: 'x', data: {}, receivedAt: ago(1) }
  })
  const first = startMaintenance(deps)
  const second = startMaintenance(deps)
  t.teardown(() => Promise.all([first.stop(), second.stop()]))
  const [a, b] = await Promise.all([first.runOnce(), second.runOnce()])
  const ran = [a, b].filter((r) => r !== null)
  t.equal(ran.length, 1, 'exactly one ran')
  t.same(ran[0]?.requeued, { events: 1, triggers: 0, deliveries: 0 })
  const job = await queues.events.getJob(`event-${stored.id}`)
  t.same(job?.data, { webhookEventId: stored.id })
})

t.test('a sweep leaves rows alone whose job still exists', async (t) => {
  const { deps, db, queues, companyId } = await fixture(t, { SWEEP_AFTER_MS: '100' })
  const row = await db.delivery.create({ data: delivery(companyId, 'queued', ago(1)) })
  await queues.deliveries.add('delivery', { deliveryId: row.id }, {
    jobId: `delivery-${row.id}`, delay: 60_000
  })
  const maintenance = startMaintenance(deps)
  t.teardown(() => maintenance.stop())
  const report = await maintenance.runOnce()
  t.same(report?.requeued, { events: 0, triggers: 0, deliveries: 0 })
  t.same(await queues.deliveries.getJobCounts('delayed', 'waiting'), { delayed: 1, waiting: 0 })
})
