import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { PlatformUnavailableError } from '../src/index.js'
import type { PlatformClient, PlatformUser } from '../src/index.js'
import {
  clientFor,
  fixture,
  startFakePlatform,
  success
} from './helpers.js'

const TOKEN = 'svc_5d1c0b9a8f7e6d5c4b3a'

function member (n: number): Record<string, unknown> {
  return {
    ...fixture('auth-end-user').data,
    id: `user-${n}`,
    email: `member${n}@example.org`,
    groups: [{ name: 'vip', label: 'VIP', section: 'user' }]
  }
}

/** GET /3/admin/users/ paged like the platform, `next` as absolute URL. */
function pagedUsers (total: number) {
  const users = Array.from({ length: total }, (_, i) => member(i + 1))
  return (app: FastifyInstance): void => {
    app.get<{ Querystring: Record<string, string> }>('/3/admin/users/',
      async (request) => {
        const page = Number(request.query['page'] ?? '1')
        const size = Number(request.query['page_size'] ?? '15')
        const members = users.filter(() => request.query['group'] === 'vip')
        const more = page * size < members.length
        const next = new URL(request.url, `http://${request.host}`)
        next.searchParams.set('page', String(page + 1))
        return success({
          count: members.length,
          next: more ? next.href : null,
          previous: null,
          results: members.slice((page - 1) * size, page * size)
        })
      })
  }
}

async function drain (
  client: PlatformClient, group: string
): Promise<PlatformUser[]> {
  const out: PlatformUser[] = []
  for await (const user of client.usersInGroup(TOKEN, group)) out.push(user)
  return out
}

t.test('usersInGroup follows next across pages', async (t) => {
  const platform = await startFakePlatform(t, pagedUsers(40))
  const client = clientFor(t, platform.url, { pageSize: 15 })
  const users = await drain(client, 'vip')
  t.equal(users.length, 40)
  t.same(users.map((u) => u.id),
    Array.from({ length: 40 }, (_, i) => `user-${i + 1}`))
  t.equal(platform.seen.length, 3, 'three pages of 15')
  t.match(platform.seen[0]?.url, /group=vip/)
  t.match(platform.seen[0]?.url, /page_size=15/)
  t.ok(platform.seen.every((r) => r.authorization === `Token ${TOKEN}`))
})

t.test('usersInGroup of an empty group yields nothing', async (t) => {
  const platform = await startFakePlatform(t, pagedUsers(5))
  t.same(await drain(clientFor(t, platform.url), 'nobody'), [])
  t.equal(platform.seen.length, 1)
})

t.test('a next URL on another origin is refused', async (t) => {
  const platform = await startFakePlatform(t, (app) => {
    app.get('/3/admin/users/', async () => success({
      count: 2,
      next: 'https://evil.example/3/admin/users/?page=2',
      previous: null,
      results: [member(1)]
    }))
  })
  const client = clientFor(t, platform.url)
  const seenIds: string[] = []
  const reading = (async () => {
    for await (const user of client.usersInGroup(TOKEN, 'vip')) {
      seenIds.push(user.id)
    }
  })()
  await t.rejects(reading, PlatformUnavailableError)
  t.same(seenIds, ['user-1'], 'the first page was still read')
  t.equal(platform.seen.length, 1, 'nothing else was requested')
})

t.test('a next URL pointing back to a read page stops', async (t) => {
  const platform = await startFakePlatform(t, (app) => {
    app.get('/3/admin/users/', async (request) => success({
      count: 99,
      next: new URL(request.url, `http://${request.host}`).href,
      previous: null,
      results: [member(1)]
    }))
  })
  const client = clientFor(t, platform.url)
  await t.rejects(drain(client, 'vip'), PlatformUnavailableError)
  t.equal(platform.seen.length, 1)
})

t.test('pagination stops after maxPages', async (t) => {
  const platform = await startFakePlatform(t, pagedUsers(40))
  const client = clientFor(t, platform.url, { pageSize: 15, maxPages: 2 })
  await t.rejects(drain(client, 'vip'), PlatformUnavailableError)
  t.equal(platform.seen.length, 2)
})
