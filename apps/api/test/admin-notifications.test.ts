import t from 'tap'
import { startApi, type ApiHarness } from './helpers.js'

const email = {
  type: 'email',
  name: 'Payment sent',
  event: 'transaction.execute',
  to_email: '{{ user.email }}',
  subject: 'You sent {{ currency.symbol }}{{ amount|money:currency.divisibility }}',
  text_message: 'Hi {{ user.first_name }}',
  html_message: '<p>Hi {{ user.first_name }}</p>'
}

async function admin (t: Parameters<typeof startApi>[0]) {
  const h = await startApi(t)
  await h.activate()
  return h
}

const create = (h: ApiHarness, payload: object = email) =>
  h.call({ method: 'POST', url: '/admin/notifications/', token: h.tokens.admin, payload })

t.test('create answers 201 with the notification in the platform envelope', async (t) => {
  const h = await admin(t)
  const res = await create(h)
  t.equal(res.statusCode, 201)
  const { status, data } = res.json()
  t.equal(status, 'success')
  t.match(data, { ...email, enabled: true, preference_enabled: false, description: '', template: null })
  t.type(data.id, 'number')
  t.type(data.created, 'number')
  t.ok(Math.abs(data.created - Date.now()) < 60_000, 'created is in milliseconds')
})

t.test('detail, patch and delete round-trip', async (t) => {
  const h = await admin(t)
  const { id } = (await create(h)).json().data
  const detail = await h.call({ method: 'GET', url: `/admin/notifications/${id}/`, token: h.tokens.admin })
  t.equal(detail.json().data.name, 'Payment sent')
  const patch = await h.call({
    method: 'PATCH', url: `/admin/notifications/${id}/`, token: h.tokens.admin,
    payload: { enabled: false, subject: 'New subject' }
  })
  t.equal(patch.statusCode, 200)
  t.match(patch.json().data, { enabled: false, subject: 'New subject', name: 'Payment sent' })
  const del = await h.call({ method: 'DELETE', url: `/admin/notifications/${id}/`, token: h.tokens.admin })
  t.same(del.json(), { status: 'success' })
  const gone = await h.call({ method: 'GET', url: `/admin/notifications/${id}/`, token: h.tokens.admin })
  t.equal(gone.statusCode, 404)
  t.same(gone.json(), { status: 'error', message: 'Not found.', data: {} })
})

t.test('list pages and filters', async (t) => {
  const h = await admin(t)
  for (let i = 0; i < 17; i++) {
    await create(h, { ...email, name: `n${i}`, event: i % 2 ? 'user.create' : 'transaction.execute' })
  }
  const list = (query: string) =>
    h.call({ method: 'GET', url: `/admin/notifications/${query}`, token: h.tokens.admin })
  const first = (await list('')).json().data
  t.equal(first.count, 17)
  t.equal(first.results.length, 15)
  t.equal(first.previous, null)
  t.match(first.next, /^http:\/\/herald\.test\/api\/admin\/notifications\/\?page=2$/)
  const second = (await list('?page=2')).json().data
  t.equal(second.results.length, 2)
  t.equal(second.next, null)
  t.match(second.previous, /page=1/)
  t.equal((await list('?event=user.create')).json().data.count, 8)
  t.equal((await list('?name=n3')).json().data.results[0].name, 'n3')
  t.equal((await list('?event__in=user.create,transaction.execute')).json().data.count, 17)
  t.equal((await list('?event__in=user.create,user.update')).json().data.count, 8)
  t.equal((await list('?type__in=sms,push')).json().data.count, 0)
  t.equal((await list('?type__in=email&event=user.create')).json().data.count, 8)
  t.equal((await list('?layout__in=1,2')).json().data.count, 0)
  const newest = (await list('?orderby=-created&page_size=1')).json().data
  t.equal(newest.results[0].name, 'n16')
  t.equal((await list('?page=9')).json().data.results.length, 0)
  for (const bad of ['?page_size=0', '?page_size=251', '?page=abc', '?page=0',
    '?type__in=email,fax', '?layout__in=0', '?event__in=a,,b']) {
    const res = await list(bad)
    t.equal(res.statusCode, 400, bad)
    t.equal(res.json().status, 'error')
  }
})

t.test('validation refuses what cannot be sent', async (t) => {
  const h = await admin(t)
  const cases: Array<[object, string]> = [
    [{ ...email, to_email: '' }, 'to_email'],
    [{ ...email, subject: undefined }, 'subject'],
    [{ ...email, type: 'fax' }, 'type'],
    [{ ...email, name: undefined }, 'name'],
    [{ ...email, enabled: 'yes' }, 'enabled'],
    [{ ...email, colour: 'red' }, 'colour'],
    [{ ...email, name: 'x'.repeat(101) }, 'name'],
    [{ ...email, text_message: 'Hi {% if user %}' }, 'text_message']
  ]
  for (const [payload, field] of cases) {
    const res = await create(h, payload)
    t.equal(res.statusCode, 400, field)
    t.ok(res.json().data[field], `${field} is named`)
  }
  t.equal(await h.app.db.notification.count({ where: { companyId: h.companyId } }), 0)
})

t.test('a template that does not parse is refused with its position', async (t) => {
  const h = await admin(t)
  const res = await create(h, { ...email, html_message: '<p>\n{% if a %}\n</p>' })
  t.equal(res.statusCode, 400)
  t.match(res.json().data.html_message[0], /line \d+, column \d+/)
})

t.test('a patch that would leave an email without a recipient is refused', async (t) => {
  const h = await admin(t)
  const { id } = (await create(h)).json().data
  const res = await h.call({
    method: 'PATCH', url: `/admin/notifications/${id}/`, token: h.tokens.admin, payload: { to_email: ' ' }
  })
  t.equal(res.statusCode, 400)
  t.ok(res.json().data.to_email)
})

t.test('another company\'s notification is a 404', async (t) => {
  const a = await admin(t)
  const b = await admin(t)
  const { id } = (await create(a)).json().data
  for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
    const res = await b.call({
      method, url: `/admin/notifications/${id}/`, token: b.tokens.admin,
      ...(method === 'PATCH' ? { payload: { name: 'stolen' } } : {})
    })
    t.equal(res.statusCode, 404, method)
    t.notMatch(res.body, 'Payment sent')
  }
  t.equal((await b.call({ method: 'GET', url: '/admin/notifications/', token: b.tokens.admin })).json().data.count, 0)
})

t.test('admin routes need an admin of an active company', async (t) => {
  const h = await admin(t)
  const user = await h.call({ method: 'GET', url: '/admin/notifications/', token: h.tokens.user })
  t.equal(user.statusCode, 403)
  t.equal(user.json().message, 'Permission denied.')
  const none = await h.call({ method: 'GET', url: '/admin/notifications/' })
  t.equal(none.statusCode, 401)
  const bad = await h.call({ method: 'GET', url: '/admin/notifications/', token: 'nope' })
  t.equal(bad.statusCode, 401)
  t.equal(bad.json().message, 'Invalid token.')
})

t.test('platform auth is cached briefly and keyed by token', async (t) => {
  const h = await admin(t)
  const authCalls = () => h.sim.requests.filter((r) => r.path.startsWith('/3/auth')).length
  const before = authCalls()
  for (let i = 0; i < 5; i++) {
    await h.call({ method: 'GET', url: '/admin/notifications/', token: h.tokens.admin })
  }
  t.equal(authCalls() - before, 1)
})

t.test('platform throttling and outages map to 429 and 502', async (t) => {
  const h = await admin(t)
  h.sim.failNext('/3/auth/', 429, undefined, { 'retry-after': '17' })
  const throttled = await h.call({ method: 'GET', url: '/admin/notifications/', token: h.tokens.admin })
  t.equal(throttled.statusCode, 429)
  t.equal(throttled.headers['retry-after'], '17')
  t.equal(throttled.json().status, 'error')
  h.sim.failNext('/3/auth/', 503)
  const down = await h.call({ method: 'GET', url: '/admin/notifications/', token: h.tokens.admin })
  t.equal(down.statusCode, 502)
})

t.test('text the database cannot store is a 400 naming the field, not a 500', async (t) => {
  const h = await admin(t)
  const nul = await create(h, { ...email, name: 'a\u0000b' })
  t.equal(nul.statusCode, 400)
  t.same(nul.json().data, { name: ['Null characters are not allowed.'] })
  const half = await create(h, { ...email, variants: { fr: { subject: '\uDC00' } } })
  t.equal(half.statusCode, 400)
  t.same(half.json().data, { 'variants.fr.subject': ['Enter valid Unicode text.'] })
  const query = await h.call({
    method: 'GET', url: '/admin/notifications/?name=a%00b', token: h.tokens.admin
  })
  t.equal(query.statusCode, 400)
  t.same(query.json().data, { name: ['Null characters are not allowed.'] })
  t.equal(await h.app.db.notification.count({ where: { companyId: h.companyId } }), 0)
})
