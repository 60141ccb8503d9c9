import t from 'tap'
import type { Test } from 'tap'
import { readCredentials } from '@herald/db'
import { startApi, type ApiHarness } from './helpers.js'

const subscription = (endpoint: string) => ({
  endpoint,
  expirationTime: null,
  keys: {
    p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
    auth: 'tBHItJI5svbpez7KI4CCXg'
  }
})

async function started (t: Test, overrides: Record<string, string> = {}): Promise<ApiHarness> {
  const h = await startApi(t, overrides)
  await h.activate()
  return h
}

t.test('the VAPID key is generated once per company and stored as credentials', async (t) => {
  const h = await started(t)
  const get = () => h.call({ method: 'GET', url: '/user/webpush/key/', token: h.tokens.user })
  const [a, b] = await Promise.all([get(), get()])
  t.equal(a.statusCode, 200)
  const key = a.json().data.public_key as string
  t.match(key, /^[A-Za-z0-9_-]{87}$/)
  t.equal(b.json().data.public_key, key, 'a concurrent first call gets the same key')
  t.equal((await get()).json().data.public_key, key)
  const stored = await readCredentials(h.app.db, h.app.box, h.companyId, 'webpush')
  t.equal(stored?.public_key, key)
  t.ok(stored?.private_key)
  t.match(stored?.subject, /^mailto:/)
})

t.test('a subscription is registered, listed, re-registered in place and removed', async (t) => {
  const h = await started(t)
  const endpoint = 'https://push.example.net/send/abc'
  const add = () => h.call({
    method: 'POST', url: '/user/webpush/subscriptions/', token: h.tokens.user,
    payload: subscription(endpoint)
  })
  const first = await add()
  t.equal(first.statusCode, 201)
  const id = first.json().data.id as string
  t.equal((await add()).json().data.id, id, 'the endpoint identifies the browser')
  const list = await h.call({ method: 'GET', url: '/user/webpush/subscriptions/', token: h.tokens.user })
  t.equal(list.json().data.count, 1)
  t.same(list.json().data.results.map((s: { endpoint: string }) => s.endpoint), [endpoint])
  const other = await h.call({
    method: 'DELETE', url: `/user/webpush/subscriptions/${id}/`, token: h.tokens.admin
  })
  t.equal(other.statusCode, 404, 'another user cannot remove it')
  const del = await h.call({
    method: 'DELETE', url: `/user/webpush/subscriptions/${id}/`, token: h.tokens.user
  })
  t.same(del.json(), { status: 'success' })
  t.equal(await h.app.db.pushSubscription.count({ where: { companyId: h.companyId } }), 0)
})

t.test('plain-http endpoints are refused unless WEBPUSH_ALLOW_HTTP', async (t) => {
  const strict = await started(t)
  const res = await strict.call({
    method: 'POST', url: '/user/webpush/subscriptions/', token: strict.tokens.user,
    payload: subscription('http://127.0.0.1:9/push/1')
  })
  t.equal(res.statusCode, 400)
  t.same(res.json().data, { endpoint: ['The endpoint must be an https URL.'] })
  const loose = await started(t, { WEBPUSH_ALLOW_HTTP: 'true' })
  const ok = await loose.call({
    method: 'POST', url: '/user/webpush/subscriptions/', token: loose.tokens.user,
    payload: subscription('http://127.0.0.1:9/push/1')
  })
  t.equal(ok.statusCode, 201)
})

t.test('a malformed subscription is a field error', async (t) => {
  const h = await started(t)
  const res = await h.call({
    method: 'POST', url: '/user/webpush/subscriptions/', token: h.tokens.user,
    payload: { endpoint: 'https://push.example.net/x', keys: { p256dh: 'short' } }
  })
  t.equal(res.statusCode, 400)
  t.equal(res.json().status, 'error')
})

t.test('without a token the routes answer 401', async (t) => {
  const h = await started(t)
  const res = await h.call({ method: 'GET', url: '/user/webpush/key/' })
  t.equal(res.statusCode, 401)
})
