import t from 'tap'
import { request } from 'undici'
import { seedTokens, seedUserIds } from '../src/index.js'
import type { Page, SimUser, SuccessBody } from '../src/index.js'
import { call, startSim } from './helpers.js'

const service = `Token ${seedTokens.northwind.service}`

function member (i: number, company = 'northwind'): SimUser {
  return {
    id: `member-${company}-${i}`, email: `m${i}@example.org`, mobile: null,
    first_name: `M${i}`, last_name: 'Member', language: 'en',
    timezone: 'UTC', company, groups: [{ name: 'members' }]
  }
}

async function fetchPage (url: string): Promise<Page<{ id: string }>> {
  const res = await request(url, { headers: { authorization: service } })
  const body = await res.body.json() as SuccessBody<Page<{ id: string }>>
  return body.data
}

t.test('following next walks 40 users in pages of 15', async (t) => {
  const sim = await startSim(t)
  for (let i = 0; i < 40; i++) sim.addUser(member(i))
  sim.addUser(member(99, 'southwind'))
  const base = await sim.listen()
  let url: string | null = `${base}/3/admin/users/?group=members&page_size=15`
  const pages: Page<{ id: string }>[] = []
  while (url !== null) {
    const page = await fetchPage(url)
    pages.push(page)
    url = page.next
  }
  t.same(pages.map((p) => p.results.length), [15, 15, 10])
  t.same(pages.map((p) => p.count), [40, 40, 40])
  t.match(pages[0]?.next, new RegExp(`^${base}/3/admin/users/\\?.*page=2`))
  t.equal(pages[0]?.previous, null)
  t.notMatch(pages[1]?.previous, /[?&]page=/, 'page 1 link drops page')
  t.match(pages[2]?.previous, /[?&]page=2/)
  const ids = pages.flatMap((p) => p.results.map((u) => u.id))
  t.same(ids, Array.from({ length: 40 }, (_, i) => `member-northwind-${i}`))
})

t.test('page_size defaults to 15 and is capped at 250', async (t) => {
  const sim = await startSim(t)
  for (let i = 0; i < 260; i++) sim.addUser(member(i))
  const sizes = []
  for (const q of ['', '&page_size=1000', '&page_size=junk']) {
    const res = await call<SuccessBody<Page<unknown>>>(sim, 'GET',
      `/3/admin/users/?group=members${q}`, service)
    sizes.push(res.body.data.results.length)
  }
  t.same(sizes, [15, 250, 15])
})

t.test('a page past the end is 404 Invalid page.', async (t) => {
  const sim = await startSim(t)
  const res = await call(sim, 'GET', '/3/admin/users/?page=9', service)
  t.equal(res.status, 404)
  t.equal(res.body.message, 'Invalid page.')
})

t.test('the list holds only the caller company users', async (t) => {
  const sim = await startSim(t)
  const res = await call<SuccessBody<Page<SimUser>>>(sim, 'GET',
    '/3/admin/users/?page_size=250', service)
  const companies = new Set(res.body.data.results.map((u) => u.company))
  t.same([...companies], ['northwind'])
  t.equal(res.body.data.count, 5)
})

t.test('GET /3/admin/users/{id}/ is scoped to the company', async (t) => {
  const sim = await startSim(t)
  const own = await call(sim, 'GET',
    `/3/admin/users/${seedUserIds.kenji}/`, service)
  t.equal(own.status, 200)
  t.match(own.body.data, {
    email: 'kenji.sato@example.com', language: 'ja', timezone: 'Asia/Tokyo'
  })
  for (const id of [seedUserIds.milo, 'unknown']) {
    const res = await call(sim, 'GET', `/3/admin/users/${id}/`, service)
    t.equal(res.status, 404, id)
    t.equal(res.body.message, 'Not found.')
  }
})

t.test('end users may not list users', async (t) => {
  const sim = await startSim(t)
  const res = await call(sim, 'GET', '/3/admin/users/',
    `Token ${seedTokens.northwind.user}`)
  t.equal(res.status, 403)
})
