import t from 'tap'
import { connect } from 'node:net'
import type { InjectOptions } from 'fastify'
import { startApi, webhookSecret, type ApiHarness } from './helpers.js'

const TOTAL = 10_000
const BATCH = 100

const deepObject = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)
const deepArray = '['.repeat(20_000) + ']'.repeat(20_000)
const huge = JSON.stringify({ id: 'x', event: 'e', company: 'c', data: { pad: 'x'.repeat(1_100_000) } })
const badUtf8 = Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
  Buffer.from('","event":"e","company":"c","data":{}}')])

/** Bodies no route accepts: wrong types, pollution, junk. */
const HOSTILE_BODIES: string[] = [
  'null', 'true', '42', '"text"', '[]', '[{}]', '{}',
  '{"id":{},"event":5,"company":[],"data":"x"}',
  '{"id":null,"event":null,"company":null,"data":null}',
  '{"id":true,"event":"e","company":"c","data":[]}',
  '{"id":"x","event":"","company":"c","data":{}}',
  '{"id":1.5,"event":"e","company":"c","data":{}}',
  '{"__proto__":{"admin":true},"id":"x"}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"token":{"$ne":null}}', '{"token":["a","b"]}', '{"token":""}',
  '{"token":"x","purge":"yes"}',
  '{"type":"fax","name":1}', '{"type":"email","event":{"$gt":""}}',
  '{"enabled":"maybe"}', '{"received":"yes"}',
  '{"id":"x"', '{"id":"x",}', "{'id':'x'}", '{"id":"x"}garbage',
  '\u0000\u0001\u0002', '{"id":"\\ud800"}', '{"a":1e999999}',
  deepObject, deepArray
]

const HOSTILE_AUTH = [
  undefined, '', 'Token', 'Token ', 'Secret', 'Secret ', 'Basic !!!',
  `Token ${'x'.repeat(2000)}`, 'Token a b c', 'Bearer x',
  'Secret \u00e9\u00e8', 'Token \u202e\u202d', 'Token %00'
]

/** Query strings every list refuses: bad pages, orders, encodings. */
const LIST_QUERIES = [
  'page=-1', 'page=0', 'page=abc', 'page=%zz', 'page_size=999999',
  'page_size=-5', 'orderby=DROP%20TABLE', 'page=1&page=2&page=3',
  `page=${'9'.repeat(40)}`, `page=${'9'.repeat(400)}`, 'page=1000001&page_size=250'
]

/** Query strings the delivery logs refuse: bad filters. */
const LOG_QUERIES = [
  'created__gt=not-a-date', 'created__lt=%00', 'type=fax', 'sent=perhaps',
  'received=2', 'notification=1e309', 'notification=-4'
]

const HOSTILE_PATHS = [
  '/admin/notifications/99999999999999999999/', '/admin/notifications/-1/',
  '/admin/notifications/abc/', '/admin/logs/%00/', '/admin/logs/..%2f..%2fetc%2fpasswd/',
  '/user/notifications/0/', '/user/logs/%E0%A4%A/', '/admin/layouts/1.5/',
  '/admin/credentials/%27%20OR%201=1/', `/admin/notifications/${'9'.repeat(300)}/`,
  `/admin/logs/${'a'.repeat(5000)}/`
]

const WRITE_ROUTES = [
  '/webhook/', '/activate/', '/deactivate/', '/rotate/',
  '/admin/notifications/', '/admin/layouts/', '/admin/credentials/',
  '/admin/notifications/1/trigger/', '/admin/logs/1/send/'
]

/** Every hostile request, built once; the run cycles through them. */
function hostileCases (h: ApiHarness, secret: string): InjectOptions[] {
  const base = h.config.API_BASE_PATH
  const auth = [...HOSTILE_AUTH, `Secret ${secret}`, `Token ${h.tokens.admin}`]
  const out: InjectOptions[] = []
  for (const route of WRITE_ROUTES) {
    for (const [i, body] of HOSTILE_BODIES.entries()) {
      const authorization = auth[i % auth.length]
      out.push({
        method: i % 3 === 0 ? 'PUT' : 'POST',
        url: `${base}${route}`,
        payload: body,
        headers: {
          'content-type': 'application/json',
          ...(authorization === undefined ? {} : { authorization })
        }
      })
    }
    out.push({ method: 'POST', url: `${base}${route}`, payload: huge,
      headers: { 'content-type': 'application/json' } })
    out.push({ method: 'POST', url: `${base}${route}`, payload: badUtf8,
      headers: { 'content-type': 'application/json', authorization: `Secret ${secret}` } })
    for (const type of ['text/plain', 'application/x-www-form-urlencoded',
      'application/json; charset=utf-16', 'multipart/form-data; boundary=x', 'application/xml']) {
      out.push({ method: 'POST', url: `${base}${route}`, payload: 'id=1&event=x',
        headers: { 'content-type': type } })
    }
    out.push({ method: 'POST', url: `${base}${route}`, payload: '{"id":"x"}',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } })
  }
  const lists = ['/admin/logs/', '/admin/notifications/', '/user/logs/', '/admin/layouts/']
  const queries = [
    ...LIST_QUERIES.flatMap((query) => lists.map((path) => `${path}?${query}`)),
    ...LOG_QUERIES.flatMap((query) => [`/admin/logs/?${query}`, `/user/logs/?${query}`])
  ]
  for (const url of queries) {
    out.push({ method: 'GET', url: `${base}${url}`,
      headers: { authorization: `Token ${h.tokens.admin}` } })
  }
  for (const path of HOSTILE_PATHS) {
    for (const authorization of [`Token ${h.tokens.admin}`, 'Token nope']) {
      out.push({ method: 'GET', url: `${base}${path}`, headers: { authorization } })
      out.push({ method: 'PATCH', url: `${base}${path}`, payload: '{"enabled":1}',
        headers: { authorization, 'content-type': 'application/json' } })
      out.push({ method: 'DELETE', url: `${base}${path}`, headers: { authorization } })
    }
  }
  for (const authorization of HOSTILE_AUTH) {
    out.push({ method: 'GET', url: '/admin/queues/api/queues',
      headers: authorization === undefined ? {} : { authorization } })
    out.push({ method: 'GET', url: `${base}/admin/company/`,
      headers: authorization === undefined ? {} : { authorization } })
  }
  out.push({ method: 'POST', url: '/health', payload: '{}' })
  out.push({ method: 'DELETE', url: '/ready' })
  out.push({ method: 'GET', url: `${base}/${'../'.repeat(50)}etc/passwd` })
  return out
}

/** Raw HTTP the parser itself must refuse: injected headers, junk lines. */
const RAW_REQUESTS = [
  'GET /health HTTP/1.1\r\nHost: x\r\nX-Evil: a\rInjected: b\r\n\r\n',
  'GET /health HTTP/1.1\r\nHost: x\r\nX-Evil: a\nSet-Cookie: pwned\r\n\r\n',
  'POST /api/webhook/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 50\r\n\r\n{}{}{',
  'POST /api/webhook/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n',
  'GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ' + 'a'.repeat(20_000) + '\r\n\r\n',
  'GET /he\u0000alth HTTP/1.1\r\nHost: x\r\n\r\n',
  'BREW /health HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /health HTTP/9.9\r\nHost: x\r\n\r\n',
  'GET /health HTTP/1.1\r\nHost: x\r\nAuthorization: Token a\r\n b\r\n\r\n',
  '\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003'
]

/** Sends raw bytes and answers the status code of the reply, if any. */
function rawStatus (port: number, request: string): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let reply = ''
    socket.setTimeout(5000, () => socket.destroy())
    socket.on('data', (chunk) => { reply += chunk.toString('latin1') })
    socket.on('error', () => {})
    socket.on('close', () => {
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(reply)?.[1]
      resolve(status === undefined ? null : Number(status))
    })
    socket.end(Buffer.from(request, 'latin1'))
  })
}

/** Whether a body is the platform's error envelope. */
function isEnvelope (body: string): boolean {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>
    return parsed.status === 'error' && typeof parsed.message === 'string' &&
      typeof parsed.data === 'object' && parsed.data !== null
  } catch {
    return false
  }
}

t.test('10,000 malformed or hostile requests get only 4xx, and the API stays up', async (t) => {
  const h = await startApi(t, {
    RATE_LIMIT_MAX: '1000000', WEBHOOK_RATE_LIMIT_MAX: '1000000'
  })
  await h.activate()
  const secret = await webhookSecret(h)
  const base = h.config.API_BASE_PATH
  const cases = hostileCases(h, secret)
  t.ok(cases.length >= 400, `${cases.length} distinct cases`)
  const statuses = new Map<number, number>()
  const offenders: string[] = []
  for (let start = 0; start < TOTAL; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, TOTAL - start) },
      (_v, i) => cases[(start + i) % cases.length] as InjectOptions)
    const answers = await Promise.all(batch.map((c) => h.app.inject(c)))
    answers.forEach((res, i) => {
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
      const c = batch[i]
      const where = `${res.statusCode} ${c?.method} ${String(c?.url).slice(0, 80)}`
      if (res.statusCode < 400 || res.statusCode >= 500) offenders.push(where)
      else if (String(c?.url).startsWith(base) && !isEnvelope(res.body)) {
        offenders.push(`${where}: not the error envelope`)
      }
    })
  }
  t.same([...new Set(offenders)].slice(0, 20), [], 'every answer was a 4xx')
  t.equal([...statuses.values()].reduce((a, b) => a + b, 0), TOTAL)
  t.comment(JSON.stringify(Object.fromEntries(statuses)))

  const url = await h.app.listen({ port: 0, host: '127.0.0.1' })
  const port = Number(new URL(url).port)
  const raw = await Promise.all(RAW_REQUESTS.map((r) => rawStatus(port, r)))
  t.ok(raw.every((s) => s === null || (s >= 400 && s < 500)), `raw: ${raw.join(', ')}`)

  t.equal((await h.app.inject({ method: 'GET', url: '/health' })).statusCode, 200)
  const normal = await h.call({
    method: 'POST',
    url: '/webhook/',
    payload: { id: 'after-the-storm', event: 'transaction.execute', company: h.companyId, data: {} },
    headers: { authorization: `Secret ${secret}` }
  })
  t.equal(normal.statusCode, 200, 'a real webhook is still taken')
  t.equal(await h.app.db.webhookEvent.count({ where: { companyId: h.companyId } }), 1,
    'nothing hostile was stored')
})
