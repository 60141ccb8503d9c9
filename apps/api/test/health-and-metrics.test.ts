import t from 'tap'
import { readFileSync } from 'node:fs'
import { startApi, webhookSecret, type ApiHarness } from './helpers.js'
import { testUrls } from '@herald/testkit'
import { startTcpRelay } from './tcp-relay.js'

const fixture = JSON.parse(readFileSync(new URL(
  '../../../packages/simulator/fixtures/webhook-transaction-execute.json', import.meta.url
), 'utf8')) as { id: string, event: string, data: Record<string, unknown> }

/** The value of one sample line of a Prometheus text body, or null. */
function sample (text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? null : Number(line.slice(series.length + 1))
}

function webhook (h: ApiHarness, id: string, secret: string) {
  return h.call({
    method: 'POST',
    url: '/webhook/',
    payload: { ...fixture, id, company: h.companyId },
    headers: { authorization: `Secret ${secret}` }
  })
}

t.test('/health answers while the process is up', async (t) => {
  const h = await startApi(t)
  const res = await h.app.inject({ method: 'GET', url: '/health' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'ok' })
})

t.test('/ready reports PostgreSQL and Redis reachable', async (t) => {
  const h = await startApi(t)
  const res = await h.app.inject({ method: 'GET', url: '/ready' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'ready', checks: { database: 'up', redis: 'up' } })
})

t.test('/ready is 503 naming what is down, and /health stays 200', async (t) => {
  const redisUrl = new URL(testUrls().redisUrl)
  const relay = await startTcpRelay(redisUrl.hostname, Number(redisUrl.port || 6379))
  t.teardown(() => relay.close())
  const h = await startApi(t, { REDIS_URL: relay.via(redisUrl.href) })
  // Runs before the harness's own teardown, which needs Redis back.
  t.teardown(() => relay.restore())
  relay.cut()
  const res = await h.app.inject({ method: 'GET', url: '/ready' })
  t.equal(res.statusCode, 503)
  t.equal(res.headers['retry-after'], '5')
  t.same(res.json(), { status: 'unavailable', checks: { database: 'up', redis: 'down' } })
  t.equal((await h.app.inject({ method: 'GET', url: '/health' })).statusCode, 200)
  const metrics = await h.app.inject({ method: 'GET', url: '/metrics' })
  t.equal(metrics.statusCode, 200, 'a scrape still answers')
  t.equal(sample(metrics.body, 'herald_dependency_up{dependency="redis"}'), 0)
  t.equal(sample(metrics.body, 'herald_dependency_up{dependency="database"}'), 1)
})

t.test('/metrics counts webhooks by result and shows queue depths', async (t) => {
  const h = await startApi(t)
  await h.activate()
  const secret = await webhookSecret(h)
  t.equal((await webhook(h, 'm-1', secret)).statusCode, 200)
  t.equal((await webhook(h, 'm-1', secret)).statusCode, 200)
  t.equal((await webhook(h, 'm-2', secret)).statusCode, 200)
  t.equal((await webhook(h, 'm-3', 'wrong')).statusCode, 400)

  const res = await h.app.inject({ method: 'GET', url: '/metrics' })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^text\/plain; version=0\.0\.4/)
  const body = res.body
  t.equal(sample(body, 'herald_webhooks_received_total{result="accepted"}'), 2)
  t.equal(sample(body, 'herald_webhooks_received_total{result="duplicate"}'), 1)
  t.equal(sample(body, 'herald_webhooks_received_total{result="refused"}'), 1)
  t.equal(sample(body, 'herald_webhook_intake_seconds_count{result="accepted"}'), 2)
  t.equal(sample(body, 'herald_queue_jobs{queue="events",state="waiting"}'), 2)
  t.equal(sample(body, 'herald_queue_jobs{queue="deliveries",state="waiting"}'), 0)
  t.equal(sample(body, 'herald_queue_jobs{queue="triggers",state="failed"}'), 0)
  t.equal(sample(body, 'herald_dependency_up{dependency="database"}'), 1)
  t.match(body, /herald_http_request_duration_seconds_count\{method="POST",route="\/api\/activate\/",status_code="200"\} 1/)
  t.match(body, /herald_api_process_cpu_seconds_total/)
})

t.test('with METRICS_TOKEN set, a scrape needs that bearer token', async (t) => {
  const h = await startApi(t, { METRICS_TOKEN: 'scrape-token-0123456789' })
  const scrape = (authorization?: string) => h.app.inject({
    method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {}
  })
  const refused = await scrape()
  t.equal(refused.statusCode, 401)
  t.equal(refused.json().status, 'error')
  t.equal((await scrape('Bearer scrape-token-wrong')).statusCode, 401)
  t.equal((await scrape('Bearer scrape-token-0123456789')).statusCode, 200)
})
