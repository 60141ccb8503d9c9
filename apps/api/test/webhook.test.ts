import t from 'tap'
import { readFileSync } from 'node:fs'
import { startApi, webhookSecret, type ApiHarness } from './helpers.js'

const fixture = JSON.parse(readFileSync(new URL(
  '../../../packages/simulator/fixtures/webhook-transaction-execute.json', import.meta.url
), 'utf8')) as { id: string, event: string, data: Record<string, unknown> }

async function activated (t: Parameters<typeof startApi>[0]) {
  const h = await startApi(t)
  await h.activate()
  return { h, secret: await webhookSecret(h) }
}

function post (h: ApiHarness, body: unknown, authorization?: string) {
  return h.call({
    method: 'POST',
    url: '/webhook/',
    payload: typeof body === 'string' ? body : JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      ...(authorization === undefined ? {} : { authorization })
    }
  })
}

const eventFor = (h: ApiHarness, id: string | number = fixture.id) =>
  ({ ...fixture, id, company: h.companyId })

const stored = (h: ApiHarness) =>
  h.app.db.webhookEvent.count({ where: { companyId: h.companyId } })

const queued = (h: ApiHarness) => h.app.queues.events.count()

t.test('an authentic event is stored and queued with ids only', async (t) => {
  const { h, secret } = await activated(t)
  const res = await post(h, eventFor(h), `Secret ${secret}`)
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'success' })
  const row = await h.app.db.webhookEvent.findFirstOrThrow({ where: { companyId: h.companyId } })
  t.equal(row.eventId, fixture.id)
  t.equal(row.event, 'transaction.execute')
  t.same(row.data, fixture.data)
  const [job] = await h.app.queues.events.getJobs(['waiting'])
  t.same(job?.data, { webhookEventId: row.id })
})

t.test('a numeric event id is kept as an opaque string', async (t) => {
  const { h, secret } = await activated(t)
  t.equal((await post(h, eventFor(h, 90412), `Secret ${secret}`)).statusCode, 200)
  const row = await h.app.db.webhookEvent.findFirstOrThrow({ where: { companyId: h.companyId } })
  t.equal(row.eventId, '90412')
})

t.test('the scheme word of the secret header is case-insensitive', async (t) => {
  const { h, secret } = await activated(t)
  t.equal((await post(h, eventFor(h), `secret ${secret}`)).statusCode, 200)
})

const refusals: Array<[string, (h: ApiHarness, secret: string) => Promise<{ statusCode: number, json(): unknown }>, number]> = [
  ['a wrong secret', (h, s) => post(h, eventFor(h), `Secret ${s}x`), 400],
  ['a missing header', (h) => post(h, eventFor(h)), 400],
  ['a token instead of a secret', (h, s) => post(h, eventFor(h), `Token ${s}`), 400],
  ['an unknown company', (h, s) => post(h, { ...eventFor(h), company: 'nobody' }, `Secret ${s}`), 400],
  ['malformed JSON', (h, s) => post(h, '{"id": "1", "event": ', `Secret ${s}`), 400],
  ['a body that is not an object', (h, s) => post(h, '[1,2]', `Secret ${s}`), 400],
  ['a missing event name', (h, s) => post(h, { ...eventFor(h), event: undefined }, `Secret ${s}`), 400],
  ['data that is not an object', (h, s) => post(h, { ...eventFor(h), data: 'x' }, `Secret ${s}`), 400],
  ['a NUL in the data', (h, s) => post(h, { ...eventFor(h), data: { note: 'a\u0000b' } }, `Secret ${s}`), 400],
  ['half a surrogate pair in the data', (h, s) => post(h, { ...eventFor(h), data: { note: '\uD800' } }, `Secret ${s}`), 400],
  ['a NUL in the company', (h, s) => post(h, { ...eventFor(h), company: 'north\u0000wind' }, `Secret ${s}`), 400],
  ['a numeric id past 2^53, which JSON cannot carry exactly', (h, s) => post(h, `{"id": 9007199254740993, "event": "user.create", "company": "${h.companyId}", "data": {}}`, `Secret ${s}`), 400],
  ['a body over the limit', (h, s) => post(h, { ...eventFor(h), data: { pad: 'x'.repeat(1_100_000) } }, `Secret ${s}`), 413]
]

for (const [name, send, status] of refusals) {
  t.test(`${name} is refused with the error envelope and nothing stored`, async (t) => {
    const { h, secret } = await activated(t)
    const res = await send(h, secret)
    t.equal(res.statusCode, status)
    const body = res.json() as { status: string, message: string, data: unknown }
    t.equal(body.status, 'error')
    t.type(body.message, 'string')
    t.type(body.data, 'object')
    t.equal(await stored(h), 0)
    t.equal(await queued(h), 0)
  })
}

t.test('text that cannot be stored is named in the error', async (t) => {
  const { h, secret } = await activated(t)
  const res = await post(h, { ...eventFor(h), data: { user: { first_name: 'A\u0000' } } },
    `Secret ${secret}`)
  t.same(res.json(), {
    status: 'error',
    message: 'data.user.first_name: Null characters are not allowed.',
    data: { 'data.user.first_name': ['Null characters are not allowed.'] }
  })
})

t.test('wrong secret and unknown company answer alike', async (t) => {
  const { h, secret } = await activated(t)
  const wrong = await post(h, eventFor(h), `Secret ${secret.slice(1)}`)
  const unknown = await post(h, { ...eventFor(h), company: 'nobody' }, `Secret ${secret}`)
  t.same(wrong.json(), {
    status: 'error', message: 'company: Invalid company.', data: { company: ['Invalid company.'] }
  })
  t.same(unknown.json(), wrong.json())
})

t.test('an inactive company is refused', async (t) => {
  const { h, secret } = await activated(t)
  await h.call({ method: 'POST', url: '/deactivate/', payload: { token: h.tokens.service } })
  const res = await post(h, eventFor(h), `Secret ${secret}`)
  t.equal(res.statusCode, 400)
  t.equal(await stored(h), 0)
})

t.test('a deactivation made by another process is seen within the cache ttl', async (t) => {
  const { h, secret } = await activated(t)
  const ttlMs = h.config.COMPANY_CACHE_TTL_MS
  t.equal((await post(h, eventFor(h, 'before'), `Secret ${secret}`)).statusCode, 200)
  // As another API process would: straight to the database.
  await h.app.db.company.update({ where: { id: h.companyId }, data: { active: false } })
  await new Promise((resolve) => setTimeout(resolve, ttlMs + 50))
  const res = await post(h, eventFor(h, 'after'), `Secret ${secret}`)
  t.equal(res.statusCode, 400)
  t.equal(await stored(h), 1)
})

t.test('the company is read once for many webhooks within the ttl', async (t) => {
  const { h, secret } = await activated(t)
  const { company } = h.app.db
  const reads = t.capture(company, 'findUnique', company.findUnique.bind(company))
  for (const id of ['a', 'b', 'c']) {
    t.equal((await post(h, eventFor(h, id), `Secret ${secret}`)).statusCode, 200)
  }
  t.equal(reads().length, 1)
})

t.test('the same id twice is stored and queued once', async (t) => {
  const { h, secret } = await activated(t)
  t.equal((await post(h, eventFor(h), `Secret ${secret}`)).statusCode, 200)
  t.equal((await post(h, eventFor(h), `Secret ${secret}`)).statusCode, 200)
  t.equal(await stored(h), 1)
  t.equal(await queued(h), 1)
})

t.test('the same id 20 times at once is stored and queued once', async (t) => {
  const { h, secret } = await activated(t)
  const answers = await Promise.all(Array.from({ length: 20 }, () =>
    post(h, eventFor(h), `Secret ${secret}`)))
  t.same(answers.map((a) => a.statusCode), Array(20).fill(200))
  t.equal(await stored(h), 1)
  t.equal(await queued(h), 1)
})

t.test('an event that cannot be queued answers 503 and is queued on retry', async (t) => {
  const { h, secret } = await activated(t)
  const { events } = h.app.queues
  const add = events.add.bind(events)
  events.add = async () => { throw new Error('redis is away') }
  const first = await post(h, eventFor(h), `Secret ${secret}`)
  t.equal(first.statusCode, 503)
  t.equal(first.json().status, 'error')
  t.equal(first.headers['retry-after'], '5')
  events.add = add
  const retry = await post(h, eventFor(h), `Secret ${secret}`)
  t.equal(retry.statusCode, 200)
  t.equal(await stored(h), 1)
  t.equal(await queued(h), 1)
})
