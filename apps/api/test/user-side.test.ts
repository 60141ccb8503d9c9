import t from 'tap'
import { addUser, seedDelivery, startAdmin, type ApiHarness } from './helpers.js'

const call = (h: ApiHarness, token: string, method: 'GET' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  h.call({ method, url, token, ...(payload ? { payload } : {}) })

async function notification (h: ApiHarness, fields: object): Promise<number> {
  const res = await h.call({
    method: 'POST', url: '/admin/notifications/', token: h.tokens.admin,
    payload: { type: 'sms', name: 'Payments', to_mobile: '{{ user.mobile }}', sms_message: 'hi', ...fields }
  })
  return res.json().data.id as number
}

t.test('users list only what they may switch off, with their own choice', async (t) => {
  const h = await startAdmin(t)
  const switchable = await notification(h, { preference_enabled: true, description: 'Money moves' })
  await notification(h, { name: 'Security', preference_enabled: false })
  await notification(h, { name: 'Off', preference_enabled: true, enabled: false })
  const res = await call(h, h.tokens.user, 'GET', '/user/notifications/')
  t.equal(res.statusCode, 200)
  t.same(res.json().data, {
    count: 1, next: null, previous: null,
    results: [{ id: switchable, type: 'sms', name: 'Payments', description: 'Money moves', event: '', enabled: true }]
  })
})

t.test('a user switches a notification off and on; others are not affected', async (t) => {
  const h = await startAdmin(t)
  const other = addUser(h)
  const id = await notification(h, { preference_enabled: true })
  const url = `/user/notifications/${id}/`
  const off = await call(h, h.tokens.user, 'PATCH', url, { enabled: false })
  t.equal(off.statusCode, 200)
  t.equal(off.json().data.enabled, false)
  t.equal((await call(h, h.tokens.user, 'GET', url)).json().data.enabled, false)
  t.equal((await call(h, other.token, 'GET', url)).json().data.enabled, true, 'another user still has it on')
  const listed = (await call(h, other.token, 'GET', '/user/notifications/')).json().data.results
  t.equal(listed[0].enabled, true)
  const put = await call(h, h.tokens.user, 'PUT', url, { ...off.json().data, enabled: true })
  t.equal(put.statusCode, 200, 'a read body can be sent back')
  t.equal(put.json().data.enabled, true)
  const rows = await h.app.db.userPreference.findMany({ where: { notificationId: id } })
  t.equal(rows.length, 1, 'only the caller\'s choice is stored')
})

t.test('preferences refuse what is not theirs to change', async (t) => {
  const h = await startAdmin(t)
  const other = await startAdmin(t)
  const locked = await notification(h, { preference_enabled: false })
  const foreign = await notification(other, { preference_enabled: true })
  for (const id of [locked, foreign, 999999]) {
    const res = await call(h, h.tokens.user, 'PATCH', `/user/notifications/${id}/`, { enabled: false })
    t.equal(res.statusCode, 404, String(id))
  }
  const id = await notification(h, { preference_enabled: true })
  const url = `/user/notifications/${id}/`
  t.equal((await call(h, h.tokens.user, 'PUT', url, {})).statusCode, 400, 'PUT needs enabled')
  t.equal((await call(h, h.tokens.user, 'PATCH', url, { enabled: 'no' })).statusCode, 400)
  t.equal((await call(h, h.tokens.user, 'PATCH', url, { preference_enabled: false })).statusCode, 400)
  t.equal(await h.app.db.userPreference.count({ where: { companyId: h.companyId } }), 0)
})

t.test('users see only their own messages, recipients masked', async (t) => {
  const h = await startAdmin(t)
  const lina = (await h.call({ method: 'GET', url: '/user/notifications/', token: h.tokens.user })).statusCode
  t.equal(lina, 200)
  const me = await h.app.authenticator.authenticate(`Token ${h.tokens.user}`)
  const other = addUser(h)
  const mine = await seedDelivery(h, { recipient: 'lina.okafor@example.org', userId: me.id })
  await seedDelivery(h, { type: 'sms', recipient: '+15550100777', userId: me.id })
  const theirs = await seedDelivery(h, { recipient: other.email, userId: other.id })
  const page = (await call(h, h.tokens.user, 'GET', '/user/logs/')).json().data
  t.equal(page.count, 2)
  t.same(page.results.map((r: { recipient: string }) => r.recipient), ['l***@e***.org', '+1*******777'])
  t.notOk('error_message' in page.results[0], 'no provider detail for users')
  t.notMatch(JSON.stringify(page), other.email)
  t.equal((await call(h, h.tokens.user, 'GET', `/user/logs/${theirs.id}/`)).statusCode, 404)
  t.equal((await call(h, h.tokens.user, 'PATCH', `/user/logs/${theirs.id}/`, { received: true })).statusCode, 404)
  t.equal((await call(h, other.token, 'GET', '/user/logs/')).json().data.count, 1)
  t.equal((await call(h, h.tokens.user, 'GET', '/user/logs/?type=sms')).json().data.count, 1)
  const detail = await call(h, h.tokens.user, 'GET', `/user/logs/${mine.id}/`)
  t.equal(detail.json().data.recipient, 'l***@e***.org')
})

t.test('a user marks a message received, and unmarks it', async (t) => {
  const h = await startAdmin(t)
  const me = await h.app.authenticator.authenticate(`Token ${h.tokens.user}`)
  const row = await seedDelivery(h, { recipient: 'lina.okafor@example.org', userId: me.id })
  const url = `/user/logs/${row.id}/`
  const res = await call(h, h.tokens.user, 'PATCH', url, { received: true })
  t.equal(res.statusCode, 200)
  t.equal(res.json().data.received, true)
  t.equal((await call(h, h.tokens.user, 'GET', '/user/logs/?received=true')).json().data.count, 1)
  const admin = (await h.call({ method: 'GET', url: `/admin/logs/${row.id}/`, token: h.tokens.admin })).json().data
  t.equal(admin.received, true, 'admins see it too')
  t.equal((await call(h, h.tokens.user, 'PATCH', url, { received: false })).json().data.received, false)
  t.equal((await call(h, h.tokens.user, 'PATCH', url, { received: 'yes' })).statusCode, 400)
  t.equal((await call(h, h.tokens.user, 'PATCH', url, { subject: 'x' })).statusCode, 400)
})

t.test('user routes need a token of an active company', async (t) => {
  const h = await startAdmin(t)
  t.equal((await h.call({ method: 'GET', url: '/user/logs/' })).statusCode, 401)
  t.equal((await h.call({ method: 'GET', url: '/user/notifications/', token: 'nope' })).statusCode, 401)
  await h.call({ method: 'POST', url: '/deactivate/', payload: { token: h.tokens.service } })
  const inactive = await h.call({ method: 'GET', url: '/user/logs/', token: h.tokens.user })
  t.equal(inactive.statusCode, 400)
  t.equal(inactive.json().message, 'Inactive company.')
})
