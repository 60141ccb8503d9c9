import t, { type Test } from 'tap'
import { deliveryIdOf, eventually, startStack, type Stack } from './helpers.js'
import { ownDatabase, ownRedis, platformSends, statuses } from './fault-helpers.js'

const rowsOf = (s: Stack) => s.app.db.delivery.findMany({
  where: { companyId: s.companyId }, orderBy: { createdAt: 'asc' }
})

/** The first attempt is deferred (451): its retry waits as a delayed job. */
async function deferFirstSend (t: Test, s: Stack): Promise<void> {
  s.sink.setReply((attempt) => attempt === 1
    ? { code: 451, message: 'try again later' }
    : { code: 250 })
  t.same(statuses(await platformSends(s, 'deferred')), [200])
  await eventually(async () => {
    const [row] = await rowsOf(s)
    return row?.status === 'queued' && row.attempts === 1
  })
  const delayed = await s.app.queues.deliveries.getJobCounts('delayed')
  t.equal(delayed.delayed, 1, 'the retry waits in Redis')
}

async function assertOncePerDelivery (t: Test, s: Stack, expected: number): Promise<void> {
  await s.sink.waitForMessages(expected, 30_000)
  await eventually(async () => (await rowsOf(s)).every((r) => r.status === 'sent'), 15_000)
  const rows = await rowsOf(s)
  t.equal(rows.length, expected)
  const ids = s.sink.messages.map(deliveryIdOf)
  t.equal(ids.length, expected, 'no message twice')
  t.same(new Set(ids), new Set(rows.map((r) => r.id)), 'every delivery sent')
}

t.test('Redis restarted empty: the lost delayed retry and new events still run, once', async (t) => {
  const redis = await ownRedis(t)
  const s = await startStack(t, {
    REDIS_URL: redis.url,
    DATABASE_URL: await ownDatabase(t),
    DELIVERY_BACKOFF_MS: '3000',
    MAINTENANCE_INTERVAL_MS: '250',
    SWEEP_AFTER_MS: '500'
  })
  await s.createNotification()
  s.startWorker()
  await deferFirstSend(t, s)

  await redis.kill()
  t.same(statuses(await platformSends(s, 'while-down')), [503])
  const ready = await s.app.inject({ method: 'GET', url: '/ready' })
  t.equal(ready.statusCode, 503)
  t.same(ready.json().checks, { database: 'up', redis: 'down' })

  await redis.start()
  await eventually(async () =>
    (await s.app.inject({ method: 'GET', url: '/ready' })).statusCode === 200)
  t.equal(await s.app.queues.deliveries.count(), 0, 'Redis came back empty')
  const retried = await platformSends(s, 'while-down', 50, 100)
  t.equal(retried.at(-1)?.status, 200, 'the platform\'s retry is taken')
  t.same(statuses(await platformSends(s, 'after-restart', 50, 100)).at(-1), 200)

  await assertOncePerDelivery(t, s, 3)
  const deferred = (await rowsOf(s))[0]
  t.equal(deferred?.attempts, 2, 'the deferred delivery was retried once')
  t.equal((await s.app.inject({ method: 'GET', url: '/ready' })).statusCode, 200)
})

t.test('Redis restarted with its data: the delayed retry runs by itself', async (t) => {
  const redis = await ownRedis(t, true)
  const s = await startStack(t, {
    REDIS_URL: redis.url,
    DELIVERY_BACKOFF_MS: '3000'
  })
  await s.createNotification()
  s.startWorker()
  await deferFirstSend(t, s)

  await redis.kill()
  await redis.start()
  await eventually(async () =>
    (await s.app.inject({ method: 'GET', url: '/ready' })).statusCode === 200)
  const kept = await s.app.queues.deliveries.getJobCounts('delayed', 'waiting')
  t.equal((kept.delayed ?? 0) + (kept.waiting ?? 0), 1, 'the retry survived the restart')
  t.same(statuses(await platformSends(s, 'after-restart', 50, 100)).at(-1), 200)
  await assertOncePerDelivery(t, s, 2)
})
