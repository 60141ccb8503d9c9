import t from 'tap'
import { createDatabase } from '@herald/db'
import { testUrls } from '@herald/testkit'
import { startTcpRelay } from '../../api/test/tcp-relay.js'
import { deliveryIdOf, eventually, startStack, type Stack } from './helpers.js'
import { platformSends, statuses } from './fault-helpers.js'

const storedIds = async (db: ReturnType<typeof createDatabase>, s: Stack) =>
  (await db.webhookEvent.findMany({
    where: { companyId: s.companyId }, select: { eventId: true }
  })).map((e) => e.eventId).sort()

t.test('PostgreSQL cut: the webhook answers 503, acknowledges nothing, and loses nothing', async (t) => {
  const { databaseUrl } = testUrls()
  const target = new URL(databaseUrl)
  const relay = await startTcpRelay(target.hostname, Number(target.port || 5432))
  t.teardown(() => relay.close())
  const s = await startStack(t, { DATABASE_URL: relay.via(databaseUrl) })
  // Sees the database directly, past the relay.
  const direct = createDatabase({ url: databaseUrl })
  t.teardown(() => direct.$disconnect())
  t.teardown(() => relay.restore())
  await s.createNotification()
  s.startWorker()

  t.same(statuses(await platformSends(s, 'before-cut')), [200])
  await s.sink.waitForMessages(1)

  relay.cut()
  const refused = await platformSends(s, 'during-cut')
  t.same(statuses(refused), [503], 'the platform is told to retry')
  t.match(JSON.parse(refused[0]?.body ?? '{}'), {
    status: 'error', message: 'Service temporarily unavailable, retry later.'
  })
  const ready = await s.app.inject({ method: 'GET', url: '/ready' })
  t.equal(ready.statusCode, 503)
  t.same(ready.json(), { status: 'unavailable', checks: { database: 'down', redis: 'up' } })
  t.same(await storedIds(direct, s), ['before-cut'], 'nothing was acknowledged')

  // The platform keeps retrying while the database is away.
  const retrying = platformSends(s, 'across-cut', 40, 100)
  await new Promise((resolve) => setTimeout(resolve, 600))
  relay.restore()
  const across = await retrying
  t.ok(across.length > 1, 'refused at least once first')
  t.equal(across.at(-1)?.status, 200)
  t.ok(across.slice(0, -1).every((a) => a.status === 503), 'every refusal was a 503')
  t.same(statuses(await platformSends(s, 'during-cut')), [200], 'the refused one, retried')
  t.equal((await s.app.inject({ method: 'GET', url: '/ready' })).statusCode, 200)

  await s.sink.waitForMessages(3, 20_000)
  t.same(await storedIds(direct, s), ['across-cut', 'before-cut', 'during-cut'])
  await eventually(async () => await direct.delivery.count({
    where: { companyId: s.companyId, status: 'sent' }
  }) === 3)
  const ids = s.sink.messages.map(deliveryIdOf)
  t.equal(new Set(ids).size, 3, 'one message per event, none twice')
  t.equal(s.sink.messages.length, 3)
})

t.test('PostgreSQL cut right after the provider accepted: the send is recorded later, never repeated', async (t) => {
  const { databaseUrl } = testUrls()
  const target = new URL(databaseUrl)
  const relay = await startTcpRelay(target.hostname, Number(target.port || 5432))
  t.teardown(() => relay.close())
  // A claim lease short enough to lapse while the database is away: a
  // retry that claimed the row again would send a second copy.
  const s = await startStack(t, {
    DATABASE_URL: relay.via(databaseUrl),
    WORKER_LOCK_MS: '1000',
    DELIVERY_BACKOFF_MS: '200',
    DELIVERY_ATTEMPTS: '8'
  })
  const direct = createDatabase({ url: databaseUrl })
  t.teardown(() => direct.$disconnect())
  t.teardown(() => relay.restore())
  await s.createNotification()
  s.sink.setReply((attempt) => {
    if (attempt === 1) {
      relay.cut() // the message is accepted; its settle finds no database
      setTimeout(() => relay.restore(), 8000)
    }
    return { code: 250 }
  })
  s.startWorker()
  t.same(statuses(await platformSends(s, 'cut-after-send')), [200])
  await s.sink.waitForMessages(1)
  await eventually(async () => (await direct.delivery.findFirst({
    where: { companyId: s.companyId }
  }))?.status === 'sent', 30_000)
  await new Promise((resolve) => setTimeout(resolve, 1000))
  t.equal(s.sink.attempts, 1, 'the provider was called once')
  t.equal(s.sink.messages.length, 1)
})
