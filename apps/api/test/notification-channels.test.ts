import t from 'tap'
import { startAdmin, type ApiHarness } from './helpers.js'

const sms = {
  type: 'sms',
  name: 'Code',
  event: 'user.mobile.verify',
  to_mobile: '{{ mobile }}',
  sms_message: 'Your code is {{ key }}'
}
const push = {
  type: 'push',
  name: 'Payment',
  event: 'transaction.execute',
  to_user: '{{ user.id }}',
  push_message: 'You sent {{ amount|money:currency.divisibility }}'
}
const email = {
  type: 'email',
  name: 'Mail',
  event: 'user.create',
  to_email: '{{ email }}',
  subject: 'Hi'
}

const post = (h: ApiHarness, payload: object) =>
  h.call({ method: 'POST', url: '/admin/notifications/', token: h.tokens.admin, payload })
const send = (h: ApiHarness, method: 'PUT' | 'PATCH', id: number, payload: object) =>
  h.call({ method, url: `/admin/notifications/${id}/`, token: h.tokens.admin, payload })

t.test('sms and push notifications are created with their fields', async (t) => {
  const h = await startAdmin(t)
  for (const payload of [sms, push]) {
    const res = await post(h, payload)
    t.equal(res.statusCode, 201, payload.type)
    t.match(res.json().data, { ...payload, layout: null, expression: '', template: null })
  }
})

t.test('each channel refuses what it cannot be sent without', async (t) => {
  const h = await startAdmin(t)
  const cases: Array<[string, object, string]> = [
    ['sms without a number', { ...sms, to_mobile: '' }, 'to_mobile'],
    ['sms without a message', { ...sms, sms_message: undefined }, 'sms_message'],
    ['sms over 300 characters', { ...sms, sms_message: 'x'.repeat(301) }, 'sms_message'],
    ['push without a message', { ...push, push_message: '  ' }, 'push_message'],
    ['push over 300 characters', { ...push, push_message: 'x'.repeat(301) }, 'push_message'],
    ['email without a subject', { ...email, subject: '' }, 'subject'],
    ['an sms_message that is not a string', { ...sms, sms_message: 5 }, 'sms_message'],
    ['a broken expression', { ...sms, expression: "{% if status %}'x' == 'x'" }, 'expression'],
    ['a broken to_user', { ...push, to_user: '{{ user.id|nosuchfilter }}' }, 'to_user'],
    ['a layout that is not an integer', { ...sms, layout: 'one' }, 'layout'],
    ['a layout that does not exist', { ...sms, layout: 999999 }, 'layout'],
    ['an unknown preset', { ...sms, template: 'no-such-preset' }, 'template']
  ]
  for (const [name, payload, field] of cases) {
    const res = await post(h, payload)
    t.equal(res.statusCode, 400, name)
    t.equal(res.json().status, 'error', name)
    t.ok(res.json().data[field], `${name} names ${field}`)
  }
  t.equal(await h.app.db.notification.count({ where: { companyId: h.companyId } }), 0)
})

t.test('exactly 300 characters is accepted', async (t) => {
  const h = await startAdmin(t)
  const res = await post(h, { ...sms, sms_message: 'x'.repeat(300) })
  t.equal(res.statusCode, 201)
})

t.test('field errors read as the platform\'s: joined in the message', async (t) => {
  const h = await startAdmin(t)
  const res = await post(h, { ...sms, to_mobile: '', sms_message: '' })
  t.same(res.json(), {
    status: 'error',
    message: 'to_mobile: This field is required for sms notifications. ' +
      'sms_message: This field is required for sms notifications.',
    data: {
      to_mobile: ['This field is required for sms notifications.'],
      sms_message: ['This field is required for sms notifications.']
    }
  })
})

t.test('PUT replaces the whole notification; absent fields take defaults', async (t) => {
  const h = await startAdmin(t)
  const created = (await post(h, { ...email, description: 'old', enabled: false })).json().data
  const res = await send(h, 'PUT', created.id, sms)
  t.equal(res.statusCode, 200)
  const data = res.json().data
  t.match(data, { ...sms, id: created.id, description: '', enabled: true, to_email: '', subject: '' })
  t.equal(data.created, created.created)
  const missing = await send(h, 'PUT', created.id, { name: 'only a name' })
  t.equal(missing.statusCode, 400)
  t.ok(missing.json().data.type)
})

t.test('a client may send back what it read: read-only fields are ignored', async (t) => {
  const h = await startAdmin(t)
  const created = (await post(h, sms)).json().data
  const echoed = { ...created, name: 'Renamed', id: 12345, created: 1, updated: 2 }
  for (const method of ['PUT', 'PATCH'] as const) {
    const res = await send(h, method, created.id, echoed)
    t.equal(res.statusCode, 200, method)
    t.match(res.json().data, { id: created.id, name: 'Renamed', created: created.created })
  }
})

t.test('PATCH may change the channel when the result is complete', async (t) => {
  const h = await startAdmin(t)
  const { id } = (await post(h, email)).json().data
  const bad = await send(h, 'PATCH', id, { type: 'sms' })
  t.equal(bad.statusCode, 400)
  t.same(Object.keys(bad.json().data).sort(), ['sms_message', 'to_mobile'])
  const ok = await send(h, 'PATCH', id, { type: 'sms', to_mobile: '{{ mobile }}', sms_message: 'hi' })
  t.equal(ok.statusCode, 200)
  t.equal(ok.json().data.type, 'sms')
})

t.test('a preset fills what the body leaves out', async (t) => {
  const h = await startAdmin(t)
  const res = await post(h, { template: 'mobile-verify-sms', name: 'My code' })
  t.equal(res.statusCode, 201)
  const data = res.json().data
  t.match(data, {
    type: 'sms', name: 'My code', template: 'mobile-verify-sms',
    event: 'user.mobile.verify', to_mobile: '{{ mobile }}'
  })
  t.match(data.sms_message, /\{\{ key \}\}/)
  const fromPreset = await post(h, { template: 'transaction-debit-email' })
  t.equal(fromPreset.statusCode, 201)
  t.match(fromPreset.json().data, {
    type: 'email', name: 'Money sent', expression: "'{{ tx_type }}' == 'debit'",
    preference_enabled: true
  })
  const wrongType = await post(h, { template: 'mobile-verify-sms', type: 'email' })
  t.equal(wrongType.statusCode, 400)
  t.ok(wrongType.json().data.template)
})

t.test('a layout must exist for the company and match the channel', async (t) => {
  const h = await startAdmin(t)
  const other = await startAdmin(t)
  const layout = async (target: ApiHarness, type: string) => (await target.call({
    method: 'POST', url: '/admin/layouts/', token: target.tokens.admin,
    payload: { type, name: type, body: '{{ body }} -- Northwind' }
  })).json().data.id as number
  const smsLayout = await layout(h, 'sms')
  const emailLayout = await layout(h, 'email')
  const foreign = await layout(other, 'sms')
  t.equal((await post(h, { ...sms, layout: smsLayout })).statusCode, 201)
  const mismatch = await post(h, { ...sms, layout: emailLayout })
  t.equal(mismatch.statusCode, 400)
  t.same(mismatch.json().data, { layout: ['The layout is for email, not sms.'] })
  const stolen = await post(h, { ...sms, layout: foreign })
  t.equal(stolen.statusCode, 400)
  t.same(stolen.json().data, { layout: [`Invalid pk "${foreign}" - object does not exist.`] })
})

t.test('list filters: event, layout, name, type', async (t) => {
  const h = await startAdmin(t)
  const { id: layoutId } = (await h.call({
    method: 'POST', url: '/admin/layouts/', token: h.tokens.admin,
    payload: { type: 'sms', body: 'Northwind: {{ body }}' }
  })).json().data
  await post(h, { ...sms, layout: layoutId })
  await post(h, { ...sms, name: 'Other code' })
  await post(h, push)
  await post(h, email)
  const count = async (query: string) => (await h.call({
    method: 'GET', url: `/admin/notifications/${query}`, token: h.tokens.admin
  })).json().data.count
  t.equal(await count(''), 4)
  t.equal(await count('?type=sms'), 2)
  t.equal(await count('?type=push'), 1)
  t.equal(await count(`?layout=${layoutId}`), 1)
  t.equal(await count('?name=Other%20code'), 1)
  t.equal(await count('?event=transaction.execute'), 1)
  t.equal(await count('?type=sms&name=Code'), 1)
  const badType = await h.call({ method: 'GET', url: '/admin/notifications/?type=fax', token: h.tokens.admin })
  t.equal(badType.statusCode, 400)
  t.same(badType.json().data, { type: ['Must be one of: email, sms, push.'] })
})

t.test('ids that do not exist or are malformed', async (t) => {
  const h = await startAdmin(t)
  const missing = await h.call({ method: 'GET', url: '/admin/notifications/999999/', token: h.tokens.admin })
  t.equal(missing.statusCode, 404)
  t.same(missing.json(), { status: 'error', message: 'Not found.', data: {} })
  for (const id of ['abc', '0', '99999999999']) {
    const res = await h.call({ method: 'GET', url: `/admin/notifications/${id}/`, token: h.tokens.admin })
    t.equal(res.statusCode, 400, id)
    t.ok(res.json().data.id, id)
  }
  const put = await send(h, 'PUT', 999999, sms)
  t.equal(put.statusCode, 404)
})
