import t from 'tap'
import { readFileSync } from 'node:fs'
import { testUrls } from '@herald/testkit'
import { startApi, webhookSecret, type ApiHarness } from './helpers.js'
import { startTcpRelay, type TcpRelay } from './tcp-relay.js'

const fixture = JSON.parse(readFileSync(new URL(
  '../../../packages/simulator/fixtures/webhook-transaction-execute.json', import.meta.url
), 'utf8')) as { id: string, event: string, data: Record<string, unknown> }

type Tap = Parameters<typeof startApi>[0]

/** The platform gives up on a webhook that has not answered in 5 s. */
const PLATFORM_TIMEOUT_MS = 5000

async function apiBehindRelay (t: Tap): Promise<{ h: ApiHarness, relay: TcpRelay }> {
  const redis = new URL(testUrls().redisUrl)
  const relay = await startTcpRelay(redis.hostname, Number(redis.port || 6379))
  t.teardown(() => relay.close())
  return { relay, h: await startApi(t, { REDIS_URL: relay.via(redis.href) }) }
}

async function timedWebhook (h: ApiHarness, id: string) {
  const started = Date.now()
  const res = await h.call({
    method: 'POST',
    url: '/webhook/',
    payload: { ...fixture, id, company: h.companyId },
    headers: { authorization: `Secret ${await webhookSecret(h)}` }
  })
  return { res, ms: Date.now() - started }
}

const queued = (h: ApiHarness) => h.app.queues.events.getJobCounts('waiting')

t.test('Redis unreachable since start-up: 503 in time, then taken once it is back', async (t) => {
  const { h, relay } = await apiBehindRelay(t)
  relay.cut()
  t.teardown(() => relay.restore())
  await h.activate()
  const { res, ms } = await timedWebhook(h, 'never-ready')
  t.equal(res.statusCode, 503)
  t.ok(ms < PLATFORM_TIMEOUT_MS, `answered in ${ms} ms`)
  relay.restore()
  let retry = await timedWebhook(h, 'never-ready')
  for (let i = 0; i < 40 && retry.res.statusCode === 503; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    retry = await timedWebhook(h, 'never-ready')
  }
  t.equal(retry.res.statusCode, 200)
  t.same(await queued(h), { waiting: 1 })
  t.equal(await h.app.db.webhookEvent.count({ where: { companyId: h.companyId } }), 1)
})

t.test('Redis silent on an open connection: 503 before the platform gives up', async (t) => {
  const { h, relay } = await apiBehindRelay(t)
  await h.activate()
  t.equal((await timedWebhook(h, 'before')).res.statusCode, 200)
  relay.freeze()
  t.teardown(() => relay.cut())
  const { res, ms } = await timedWebhook(h, 'frozen')
  t.equal(res.statusCode, 503)
  t.ok(ms < PLATFORM_TIMEOUT_MS, `answered in ${ms} ms`)
  const ready = await h.app.inject({ method: 'GET', url: '/ready' })
  t.equal(ready.statusCode, 503)
  t.equal(ready.json().checks.redis, 'down')
  // A cut, then a restore, gives the client fresh connections.
  relay.cut()
  relay.restore()
  let retry = await timedWebhook(h, 'frozen')
  for (let i = 0; i < 40 && retry.res.statusCode === 503; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    retry = await timedWebhook(h, 'frozen')
  }
  t.equal(retry.res.statusCode, 200)
  t.same(await queued(h), { waiting: 2 }, 'both events queued, once each')
})
