import t from 'tap'
import { startAdmin } from './helpers.js'

/** Every list, and who may read it. */
const LISTS: Array<[string, 'admin' | 'user']> = [
  ['/admin/notifications/', 'admin'],
  ['/admin/templates/', 'admin'],
  ['/admin/layouts/', 'admin'],
  ['/admin/layout-templates/', 'admin'],
  ['/admin/credentials/', 'admin'],
  ['/admin/logs/', 'admin'],
  ['/user/notifications/', 'user'],
  ['/user/logs/', 'user'],
  ['/user/webpush/subscriptions/', 'user']
]

const BAD: Array<[string, string, string]> = [
  ['page_size=0', 'page_size', 'Ensure this value is greater than or equal to 1.'],
  ['page_size=251', 'page_size', 'Ensure this value is less than or equal to 250.'],
  ['page_size=ten', 'page_size', 'Must be of type integer.'],
  ['page=0', 'page', 'Ensure this value is greater than or equal to 1.'],
  ['page=abc', 'page', 'Must be of type integer.'],
  ['page=1.5', 'page', 'Must be of type integer.']
]

t.test('paging edges answer the same on every list', async (t) => {
  const h = await startAdmin(t)
  for (const [url, who] of LISTS) {
    const token = h.tokens[who]
    const get = (query: string) => h.call({ method: 'GET', url: `${url}?${query}`, token })
    for (const [query, field, message] of BAD) {
      const res = await get(query)
      t.equal(res.statusCode, 400, `${url}?${query}`)
      t.same(res.json(), {
        status: 'error', message: `${field}: ${message}`, data: { [field]: [message] }
      }, `${url}?${query} envelope`)
    }
    const widest = await get('page_size=250')
    t.equal(widest.statusCode, 200, `${url} takes page_size=250`)
    const past = await get('page=40')
    t.equal(past.statusCode, 200, `${url} past the end`)
    t.same(past.json().data.results, [], `${url} past the end is empty`)
    t.equal(past.json().data.next, null)
    const { count, previous } = past.json().data
    const last = Math.max(1, Math.ceil(count / 15))
    t.match(previous, new RegExp(`page=${last}$`), `${url} past the end points back to the last page`)
  }
})

t.test('a list pages through its items with absolute links', async (t) => {
  const h = await startAdmin(t)
  for (let i = 0; i < 7; i++) {
    await h.call({
      method: 'POST', url: '/admin/layouts/', token: h.tokens.admin,
      payload: { type: 'sms', name: `l${i}`, body: '{{ body }}' }
    })
  }
  const seen: string[] = []
  let next: string | null = 'http://herald.test/api/admin/layouts/?page_size=3&type=sms'
  let pages = 0
  while (next) {
    const url: URL = new URL(next)
    const res = await h.app.inject({ method: 'GET', url: url.pathname + url.search, headers: { authorization: `Token ${h.tokens.admin}` } })
    const data: { count: number, next: string | null, results: Array<{ name: string }> } = res.json().data
    t.equal(data.count, 7)
    seen.push(...data.results.map((r) => r.name))
    if (data.next) t.match(data.next, /type=sms/, 'filters are kept in links')
    next = data.next
    pages++
  }
  t.equal(pages, 3)
  t.same(seen, ['l0', 'l1', 'l2', 'l3', 'l4', 'l5', 'l6'])
  const newest = await h.call({ method: 'GET', url: '/admin/layouts/?orderby=-created&page_size=2', token: h.tokens.admin })
  t.same(newest.json().data.results.map((r: { name: string }) => r.name), ['l6', 'l5'])
  const bad = await h.call({ method: 'GET', url: '/admin/layouts/?orderby=name', token: h.tokens.admin })
  t.equal(bad.statusCode, 400)
  t.ok(bad.json().data.orderby)
})
