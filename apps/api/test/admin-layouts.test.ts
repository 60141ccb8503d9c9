import t from 'tap'
import { startAdmin, type ApiHarness } from './helpers.js'

const layout = {
  type: 'email',
  name: 'Branded',
  description: 'Logo on top',
  body: '<div class="brand">{{ context.company.name }}</div>{{ body }}'
}

const call = (h: ApiHarness, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  h.call({ method, url, token: h.tokens.admin, ...(payload ? { payload } : {}) })

t.test('create, read, replace, update and delete a layout', async (t) => {
  const h = await startAdmin(t)
  const created = await call(h, 'POST', '/admin/layouts/', layout)
  t.equal(created.statusCode, 201)
  const data = created.json().data
  t.match(data, { ...layout, template: null })
  t.type(data.created, 'number')
  const url = `/admin/layouts/${data.id}/`
  t.same((await call(h, 'GET', url)).json().data, data)
  const put = await call(h, 'PUT', url, { type: 'sms', body: '{{ body }} - NW' })
  t.equal(put.statusCode, 200)
  t.match(put.json().data, { type: 'sms', body: '{{ body }} - NW', name: '', description: '' })
  const patch = await call(h, 'PATCH', url, { name: 'Signed' })
  t.match(patch.json().data, { type: 'sms', name: 'Signed' })
  t.same((await call(h, 'DELETE', url)).json(), { status: 'success' })
  t.equal((await call(h, 'GET', url)).statusCode, 404)
})

t.test('a layout must parse and place the body', async (t) => {
  const h = await startAdmin(t)
  const cases: Array<[string, object, string]> = [
    ['no placeholder', { ...layout, body: '<div>no body</div>' }, 'body'],
    ['no body at all', { type: 'email', name: 'x' }, 'body'],
    ['no type', { body: '{{ body }}' }, 'type'],
    ['a bad type', { ...layout, type: 'fax' }, 'type'],
    ['a broken tag', { ...layout, body: '{% if x %}{{ body }}' }, 'body'],
    ['an unknown field', { ...layout, colour: 'red' }, 'colour'],
    ['a name too long', { ...layout, name: 'n'.repeat(101) }, 'name'],
    ['an unknown preset', { ...layout, template: 'nope' }, 'template']
  ]
  for (const [name, payload, field] of cases) {
    const res = await call(h, 'POST', '/admin/layouts/', payload)
    t.equal(res.statusCode, 400, name)
    t.ok(res.json().data[field], `${name} names ${field}`)
  }
  const broken = await call(h, 'POST', '/admin/layouts/', { ...layout, body: '<p>\n{% if x %}{{ body }}</p>' })
  t.match(broken.json().data.body[0], /line \d+, column \d+/)
  t.equal(await h.app.db.layout.count({ where: { companyId: h.companyId } }), 0)
})

t.test('a layout copies a preset', async (t) => {
  const h = await startAdmin(t)
  const res = await call(h, 'POST', '/admin/layouts/', { template: 'sms-signed' })
  t.equal(res.statusCode, 201)
  t.match(res.json().data, { type: 'sms', template: 'sms-signed', name: 'Signed SMS' })
  t.match(res.json().data.body, '{{ body }}')
})

t.test('a layout in use keeps its channel', async (t) => {
  const h = await startAdmin(t)
  const { id } = (await call(h, 'POST', '/admin/layouts/', layout)).json().data
  await call(h, 'POST', '/admin/notifications/', {
    type: 'email', name: 'n', to_email: 'a@b.co', subject: 's', layout: id
  })
  const res = await call(h, 'PATCH', `/admin/layouts/${id}/`, { type: 'sms' })
  t.equal(res.statusCode, 400)
  t.ok(res.json().data.type)
})

t.test('deleting a layout leaves its notifications without one', async (t) => {
  const h = await startAdmin(t)
  const { id } = (await call(h, 'POST', '/admin/layouts/', layout)).json().data
  const n = (await call(h, 'POST', '/admin/notifications/', {
    type: 'email', name: 'n', to_email: 'a@b.co', subject: 's', layout: id
  })).json().data
  await call(h, 'DELETE', `/admin/layouts/${id}/`)
  t.equal((await call(h, 'GET', `/admin/notifications/${n.id}/`)).json().data.layout, null)
})

t.test('layouts list with filters and stay within the company', async (t) => {
  const a = await startAdmin(t)
  const b = await startAdmin(t)
  await call(a, 'POST', '/admin/layouts/', layout)
  await call(a, 'POST', '/admin/layouts/', { ...layout, type: 'push', name: 'Push' })
  const { id: foreign } = (await call(b, 'POST', '/admin/layouts/', layout)).json().data
  t.equal((await call(a, 'GET', '/admin/layouts/')).json().data.count, 2)
  t.equal((await call(a, 'GET', '/admin/layouts/?type=push')).json().data.count, 1)
  t.equal((await call(a, 'GET', '/admin/layouts/?type__in=push,sms')).json().data.count, 1)
  t.equal((await call(a, 'GET', '/admin/layouts/?type__in=push,email')).json().data.count, 2)
  t.equal((await call(a, 'GET', '/admin/layouts/?type__in=fax')).statusCode, 400)
  t.equal((await call(a, 'GET', '/admin/layouts/?name=Branded')).json().data.count, 1)
  for (const method of ['GET', 'PUT', 'PATCH', 'DELETE'] as const) {
    const res = await call(a, method, `/admin/layouts/${foreign}/`,
      method === 'PUT' || method === 'PATCH' ? layout : undefined)
    t.equal(res.statusCode, 404, method)
  }
  t.equal(await b.app.db.layout.count({ where: { id: foreign } }), 1)
})
