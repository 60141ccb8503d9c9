import t from 'tap'
import { startAdmin, webhookSecret, type ApiHarness } from './helpers.js'

const call = (h: ApiHarness, method: 'GET' | 'PUT' | 'PATCH', payload?: object) =>
  h.call({ method, url: '/admin/company/', token: h.tokens.admin, ...(payload ? { payload } : {}) })

t.test('the settings show the company with its secret masked', async (t) => {
  const h = await startAdmin(t)
  const res = await call(h, 'GET')
  t.equal(res.statusCode, 200)
  const data = res.json().data
  const secret = await webhookSecret(h)
  t.match(data, {
    id: h.companyId, name: 'Northwind Wallet', mode: 'test',
    system_email: 'no-reply@northwind.example', push_enabled: false,
    secret: `${secret.slice(0, 4)}…`
  })
  t.notMatch(res.body, secret)
})

t.test('PATCH changes the given fields; secret and mode are read-only', async (t) => {
  const h = await startAdmin(t)
  const before = (await call(h, 'GET')).json().data
  const res = await call(h, 'PATCH', {
    push_enabled: true, website: 'https://northwind.example', contact_email: 'hi@northwind.example',
    secret: 'mine-now', mode: 'production'
  })
  t.equal(res.statusCode, 200)
  t.match(res.json().data, {
    push_enabled: true, website: 'https://northwind.example', contact_email: 'hi@northwind.example',
    name: 'Northwind Wallet', secret: before.secret, mode: 'test'
  })
  const row = await h.app.db.company.findUniqueOrThrow({ where: { id: h.companyId } })
  t.equal(row.pushEnabled, true)
  t.equal(row.mode, 'test')
})

t.test('PUT replaces: optional fields left out are cleared', async (t) => {
  const h = await startAdmin(t)
  await call(h, 'PATCH', { website: 'https://northwind.example', push_enabled: true })
  const current = (await call(h, 'GET')).json().data
  const echoed = await call(h, 'PUT', { ...current, name: 'Northwind' })
  t.equal(echoed.statusCode, 200, 'a read body can be sent back')
  t.match(echoed.json().data, { name: 'Northwind', website: 'https://northwind.example', push_enabled: true })
  const res = await call(h, 'PUT', { name: 'Northwind Pay' })
  t.match(res.json().data, { name: 'Northwind Pay', website: null, system_email: null, push_enabled: false })
  const noName = await call(h, 'PUT', { website: null })
  t.equal(noName.statusCode, 400)
  t.ok(noName.json().data.name)
})

t.test('bad values are refused by field', async (t) => {
  const h = await startAdmin(t)
  const cases: Array<[object, string]> = [
    [{ support_email: 'not-an-email' }, 'support_email'],
    [{ website: 'northwind' }, 'website'],
    [{ push_enabled: 'yes' }, 'push_enabled'],
    [{ name: '' }, 'name'],
    [{ name: 'n'.repeat(201) }, 'name'],
    [{ favourite: 'x' }, 'favourite']
  ]
  for (const [payload, field] of cases) {
    const res = await call(h, 'PATCH', payload)
    t.equal(res.statusCode, 400, field)
    t.ok(res.json().data[field], field)
  }
  const email = await call(h, 'PATCH', { support_email: 'not-an-email' })
  t.same(email.json().data, { support_email: ['Enter a valid email.'] })
})

t.test('only admins see or change the settings', async (t) => {
  const h = await startAdmin(t)
  t.equal((await h.call({ method: 'GET', url: '/admin/company/', token: h.tokens.user })).statusCode, 403)
  t.equal((await h.call({ method: 'PATCH', url: '/admin/company/', token: h.tokens.user, payload: { name: 'x' } })).statusCode, 403)
})
