import t from 'tap'
import { readFileSync } from 'node:fs'
import { startApi, webhookSecret, type ApiHarness } from './helpers.js'

const fixture = JSON.parse(readFileSync(new URL(
  '../../../packages/simulator/fixtures/webhook-transaction-execute.json', import.meta.url
), 'utf8')) as { id: string, event: string, data: Record<string, unknown> }

const activate = (h: ApiHarness) =>
  h.call({ method: 'POST', url: '/activate/', payload: { token: 'not-a-token' } })

t.test('answers carry security headers', async (t) => {
  const h = await startApi(t)
  const res = await h.call({ method: 'GET', url: '/admin/notifications/' })
  t.equal(res.headers['x-content-type-options'], 'nosniff')
  t.equal(res.headers['x-frame-options'], 'SAMEORIGIN')
  t.match(res.headers['strict-transport-security'], /max-age=\d+/)
  t.match(res.headers['content-security-policy'], /default-src 'self'/)
  t.notOk(res.headers['x-powered-by'])
})

t.test('a client over the public limit gets 429 with the error envelope', async (t) => {
  const h = await startApi(t, { RATE_LIMIT_MAX: '3' })
  const codes = []
  for (let i = 0; i < 4; i++) codes.push((await activate(h)).statusCode)
  t.same(codes, [401, 401, 401, 429])
  const refused = await activate(h)
  t.equal(refused.statusCode, 429)
  t.same(refused.json(), {
    status: 'error', message: 'Too many requests, retry later.', data: {}
  })
  t.match(refused.headers['retry-after'], /^\d+$/)
  const other = await h.call({
    method: 'POST', url: '/activate/', payload: { token: 'x' },
    headers: { 'x-forwarded-for': '203.0.113.9' }
  })
  t.equal(other.statusCode, 401, 'another address has its own budget')
})

t.test('the webhook has its own, larger budget, and probes none', async (t) => {
  const h = await startApi(t, { RATE_LIMIT_MAX: '2', WEBHOOK_RATE_LIMIT_MAX: '30' })
  await h.activate()
  const secret = await webhookSecret(h)
  const burst = await Promise.all(Array.from({ length: 30 }, (_v, i) => h.call({
    method: 'POST',
    url: '/webhook/',
    payload: { ...fixture, id: `burst-${i}`, company: h.companyId },
    headers: { authorization: `Secret ${secret}` }
  })))
  t.same(burst.map((r) => r.statusCode), Array(30).fill(200), 'a burst of 30 is taken')
  const over = await h.call({
    method: 'POST',
    url: '/webhook/',
    payload: { ...fixture, id: 'burst-30', company: h.companyId },
    headers: { authorization: `Secret ${secret}` }
  })
  t.equal(over.statusCode, 429)
  for (let i = 0; i < 10; i++) {
    t.equal((await h.app.inject({ method: 'GET', url: '/health' })).statusCode, 200)
  }
  t.equal((await h.app.inject({ method: 'GET', url: '/ready' })).statusCode, 200)
  t.equal((await h.app.inject({ method: 'GET', url: '/metrics' })).statusCode, 200)
})

t.test('a body nested deeper than 64 levels is refused before it is read', async (t) => {
  const h = await startApi(t)
  await h.activate()
  const secret = await webhookSecret(h)
  const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)
  const res = await h.call({
    method: 'POST',
    url: '/webhook/',
    payload: `{"id":"deep","event":"x","company":"${h.companyId}","data":${deep}}`,
    headers: { authorization: `Secret ${secret}`, 'content-type': 'application/json' }
  })
  t.equal(res.statusCode, 400)
  t.same(res.json(), {
    status: 'error', message: 'Request body is nested too deeply.', data: {}
  })
  t.equal(await h.app.db.webhookEvent.count({ where: { companyId: h.companyId } }), 0)
  const shallow = { level: { level: { level: { ok: true } } } }
  const fine = await h.call({
    method: 'POST',
    url: '/webhook/',
    payload: { ...fixture, id: 'shallow', company: h.companyId, data: shallow },
    headers: { authorization: `Secret ${secret}` }
  })
  t.equal(fine.statusCode, 200)
})
