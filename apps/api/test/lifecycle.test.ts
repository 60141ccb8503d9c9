import t from 'tap'
import { seedUserIds } from '@herald/simulator'
import { startApi, webhookSecret } from './helpers.js'

t.test('activation stores the company, an encrypted token and a secret', async (t) => {
  const h = await startApi(t)
  const res = await h.call({ method: 'POST', url: '/activate/', payload: { token: h.tokens.service } })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'success' })
  const company = await h.app.db.company.findUniqueOrThrow({ where: { id: h.companyId } })
  t.equal(company.active, true)
  t.equal(company.name, 'Northwind Wallet')
  t.equal(company.systemEmail, 'no-reply@northwind.example')
  t.equal(company.mode, 'test')
  t.notOk(company.serviceTokenEnc?.includes(h.tokens.service), 'token is not stored in clear')
  t.equal(h.app.box.open(company.serviceTokenEnc ?? ''), h.tokens.service)
  t.match(await webhookSecret(h), /^[A-Za-z0-9_-]{43}$/)
})

t.test('activation registers a webhook for every platform event', async (t) => {
  const h = await startApi(t, { REGISTER_WEBHOOKS: 'true', PUBLIC_URL: 'https://herald.example' })
  await h.activate()
  const secret = await webhookSecret(h)
  t.equal(h.sim.webhooks.length, 38)
  t.ok(h.sim.webhooks.every((w) =>
    w.url === 'https://herald.example/api/webhook/' && w.secret === secret))
  t.ok(h.sim.webhooks.some((w) => w.event === 'transaction.execute'))
  await h.activate()
  t.equal(h.sim.webhooks.length, 38, 're-activation finds them registered')
})

t.test('a purged company activated again keeps working with the webhooks the platform kept', async (t) => {
  const h = await startApi(t, { REGISTER_WEBHOOKS: 'true', PUBLIC_URL: 'https://herald.example' })
  await h.activate()
  const first = await webhookSecret(h)
  const purge = await h.call({
    method: 'POST', url: '/deactivate/', payload: { token: h.tokens.service, purge: true }
  })
  t.equal(purge.statusCode, 200)
  t.equal(await h.app.db.company.count({ where: { id: h.companyId } }), 0)
  await h.activate()
  t.equal(await webhookSecret(h), first, 'the same secret is minted again')
  t.equal(h.sim.webhooks.length, 38, 'the platform kept its registrations')
  const kept = h.sim.webhooks.find((w) => w.event === 'user.create')
  const res = await h.call({
    method: 'POST',
    url: '/webhook/',
    headers: { authorization: `Secret ${kept?.secret ?? ''}` },
    payload: { id: 'after-purge', event: 'user.create', company: h.companyId, data: {} }
  })
  t.equal(res.statusCode, 200, 'a webhook signed as the platform signs it is accepted')
})

t.test('a token the platform refuses passes its 401 through', async (t) => {
  const h = await startApi(t)
  const res = await h.call({ method: 'POST', url: '/activate/', payload: { token: 'nope' } })
  t.equal(res.statusCode, 401)
  t.equal(res.json().status, 'error')
  t.equal(res.json().message, 'Invalid token.')
  t.equal(await h.app.db.company.count({ where: { id: h.companyId } }), 0)
})

t.test('a token of a plain user cannot activate', async (t) => {
  const h = await startApi(t)
  const res = await h.call({ method: 'POST', url: '/activate/', payload: { token: h.tokens.user } })
  t.equal(res.statusCode, 400)
  t.same(res.json().data, { token: ['The token must belong to an admin or service user.'] })
  t.equal(await h.app.db.company.count({ where: { id: h.companyId } }), 0)
})

t.test('a missing token is a 400 naming the field', async (t) => {
  const h = await startApi(t)
  const res = await h.call({ method: 'POST', url: '/activate/', payload: {} })
  t.equal(res.statusCode, 400)
  t.same(res.json(), {
    status: 'error',
    message: 'token: This field is required.',
    data: { token: ['This field is required.'] }
  })
})

t.test('re-activation by another user replaces the service user, keeps the secret', async (t) => {
  const h = await startApi(t)
  await h.activate(h.tokens.service)
  const secret = await webhookSecret(h)
  await h.call({ method: 'POST', url: '/deactivate/', payload: { token: h.tokens.service } })
  await h.activate(h.tokens.admin)
  const company = await h.app.db.company.findUniqueOrThrow({ where: { id: h.companyId } })
  t.equal(company.active, true)
  t.equal(company.serviceUserId, seedUserIds.northwindAdmin)
  t.equal(h.app.box.open(company.serviceTokenEnc ?? ''), h.tokens.admin)
  t.equal(await webhookSecret(h), secret)
})

t.test('deactivation marks inactive and forgets the token', async (t) => {
  const h = await startApi(t)
  await h.activate()
  await h.call({
    method: 'POST', url: '/admin/notifications/', token: h.tokens.admin,
    payload: { type: 'email', name: 'kept', to_email: 'a@b.co', subject: 's' }
  })
  const res = await h.call({
    method: 'POST', url: '/deactivate/', payload: { token: h.tokens.service, purge: false }
  })
  t.equal(res.statusCode, 200)
  const company = await h.app.db.company.findUniqueOrThrow({ where: { id: h.companyId } })
  t.equal(company.active, false)
  t.equal(company.serviceTokenEnc, null)
  t.equal(await h.app.db.notification.count({ where: { companyId: h.companyId } }), 1)
  const admin = await h.call({ method: 'GET', url: '/admin/notifications/', token: h.tokens.admin })
  t.equal(admin.statusCode, 400)
  t.equal(admin.json().message, 'Inactive company.')
})

t.test('deactivating a company that never activated is a 400', async (t) => {
  const h = await startApi(t)
  const res = await h.call({ method: 'POST', url: '/deactivate/', payload: { token: h.tokens.service } })
  t.equal(res.statusCode, 400)
  t.same(Object.keys(res.json().data), ['company'])
})

t.test('purge deletes every row of the company and no other', async (t) => {
  const a = await startApi(t)
  const b = await startApi(t)
  for (const h of [a, b]) {
    await h.activate()
    await h.call({
      method: 'POST', url: '/admin/notifications/', token: h.tokens.admin,
      payload: { type: 'email', name: 'n', event: 'user.create', to_email: 'a@b.co', subject: 's' }
    })
    await h.app.db.webhookEvent.create({
      data: { companyId: h.companyId, eventId: 'e1', event: 'user.create', data: {} }
    })
  }
  const res = await a.call({
    method: 'POST', url: '/deactivate/', payload: { token: a.tokens.service, purge: true }
  })
  t.equal(res.statusCode, 200)
  const db = a.app.db
  t.equal(await db.company.count({ where: { id: a.companyId } }), 0)
  t.equal(await db.notification.count({ where: { companyId: a.companyId } }), 0)
  t.equal(await db.webhookEvent.count({ where: { companyId: a.companyId } }), 0)
  t.equal(await db.company.count({ where: { id: b.companyId } }), 1)
  t.equal(await db.notification.count({ where: { companyId: b.companyId } }), 1)
  t.equal(await db.webhookEvent.count({ where: { companyId: b.companyId } }), 1)
})

t.test('rotate replaces the stored token after checking it', async (t) => {
  const h = await startApi(t)
  await h.activate(h.tokens.service)
  const res = await h.call({ method: 'POST', url: '/rotate/', payload: { token: h.tokens.admin } })
  t.equal(res.statusCode, 200)
  const company = await h.app.db.company.findUniqueOrThrow({ where: { id: h.companyId } })
  t.equal(h.app.box.open(company.serviceTokenEnc ?? ''), h.tokens.admin)
  const bad = await h.call({ method: 'POST', url: '/rotate/', payload: { token: 'nope' } })
  t.equal(bad.statusCode, 401)
})

t.test('a platform outage during activation is a 502, not a 500', async (t) => {
  const h = await startApi(t)
  h.sim.failNext('/3/auth/', 500)
  const res = await h.call({ method: 'POST', url: '/activate/', payload: { token: h.tokens.service } })
  t.equal(res.statusCode, 502)
  t.equal(res.json().status, 'error')
})
