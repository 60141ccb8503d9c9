import t from 'tap'
import { seedUserIds } from '@herald/simulator'
import { seedDelivery, startAdmin, type ApiHarness } from './helpers.js'

const call = (h: ApiHarness, method: 'GET' | 'POST', url: string, payload?: object) =>
  h.call({ method, url, token: h.tokens.admin, ...(payload ? { payload } : {}) })
const list = async (h: ApiHarness, query = '') =>
  (await call(h, 'GET', `/admin/logs/${query}`)).json().data

async function notification (h: ApiHarness): Promise<number> {
  const res = await call(h, 'POST', '/admin/notifications/', {
    type: 'email', name: 'n', to_email: '{{ user.email }}', subject: 's'
  })
  return res.json().data.id as number
}

/** Five deliveries a day apart, starting 1 June 2024. */
async function seedWeek (h: ApiHarness) {
  const notificationId = await notification(h)
  const day = (n: number) => new Date(Date.UTC(2024, 5, 1 + n))
  const rows = [
    await seedDelivery(h, { recipient: 'lina.okafor@example.org', notificationId, createdAt: day(0), userId: 'lina' }),
    await seedDelivery(h, { recipient: 'kenji.sato@example.com', notificationId, createdAt: day(1), status: 'failed', errorMessage: 'SMTP rejected the message: 550' }),
    await seedDelivery(h, { type: 'sms', recipient: '+15550100777', createdAt: day(2), userId: 'lina', receivedAt: day(3) }),
    await seedDelivery(h, { type: 'push', recipient: 'ExponentPushToken[abc]', createdAt: day(3), status: 'skipped' }),
    await seedDelivery(h, { recipient: 'ops@northwind.example', notificationId, createdAt: day(4), status: 'queued' })
  ]
  return (i: number) => {
    const row = rows[i]
    if (!row) throw new Error(`no seeded row ${i}`)
    return row
  }
}

t.test('the log lists deliveries with their rendered content', async (t) => {
  const h = await startAdmin(t)
  const row = await seedWeek(h)
  const page = await list(h)
  t.equal(page.count, 5)
  const failed = page.results[1]
  t.same(failed, {
    id: row(1).id, notification: row(1).notificationId, type: 'email', user: null,
    recipient: 'kenji.sato@example.com', status: 'failed', provider: 'smtp',
    subject: row(1).subject, text_message: row(1).textMessage, html_message: row(1).htmlMessage,
    sms_message: '', push_message: '', sent: false, received: false,
    error_message: 'SMTP rejected the message: 550',
    created: Date.UTC(2024, 5, 2), updated: row(1).updatedAt.getTime()
  })
  const detail = await call(h, 'GET', `/admin/logs/${row(1).id}/`)
  t.same(detail.json().data, failed)
})

t.test('every filter of the spec', async (t) => {
  const h = await startAdmin(t)
  const row = await seedWeek(h)
  const ids = async (query: string) => (await list(h, query)).results.map((r: { id: string }) => r.id)
  const at = (i: number) => row(i).id
  t.same(await ids(`?created__gt=${Date.UTC(2024, 5, 2)}`), [at(2), at(3), at(4)])
  t.same(await ids(`?created__lt=${Date.UTC(2024, 5, 2)}`), [at(0)])
  t.same(await ids(`?created__gt=${Date.UTC(2024, 5, 1)}&created__lt=${Date.UTC(2024, 5, 4)}`), [at(1), at(2)])
  t.same(await ids(`?notification=${row(0).notificationId}`), [at(0), at(1), at(4)])
  t.same(await ids('?recipient=kenji.sato@example.com'), [at(1)])
  t.same(await ids('?recipient__contains=NORTHWIND'), [at(4)], 'contains ignores case')
  t.same(await ids('?recipient__contains=%40example.'), [at(0), at(1)])
  t.same(await ids('?sent=true'), [at(0), at(2)])
  t.same(await ids('?sent=false'), [at(1), at(3), at(4)])
  t.same(await ids('?received=true'), [at(2)])
  t.same(await ids('?type=sms'), [at(2)])
  t.same(await ids('?user=lina'), [at(0), at(2)])
  t.same(await ids('?orderby=-created&page_size=2'), [at(4), at(3)])
  for (const bad of ['?created__gt=yesterday', '?sent=maybe', '?type=fax', '?notification=x',
    '?created__gt=99999999999999999999', '?created__lt=-8640000000000001',
    '?recipient__contains=a%00b', '?user=a%00']) {
    const res = await call(h, 'GET', `/admin/logs/${bad}`)
    t.equal(res.statusCode, 400, bad)
  }
})

t.test('__in filters take comma-separated values and combine with the rest', async (t) => {
  const h = await startAdmin(t)
  const row = await seedWeek(h)
  const ids = async (query: string) => (await list(h, query)).results.map((r: { id: string }) => r.id)
  const at = (i: number) => row(i).id
  t.same(await ids('?type__in=sms,push'), [at(2), at(3)])
  t.same(await ids('?type__in=sms,push&type=push'), [at(3)], 'both must hold')
  t.same(await ids('?user__in=lina,nobody'), [at(0), at(2)])
  const notification = row(0).notificationId
  t.same(await ids(`?notification__in=${notification},9999999999`), [at(0), at(1), at(4)],
    'an id past the column range matches nothing')
  t.same(await ids(`?notification__in=${notification}&sent=false`), [at(1), at(4)])
  const tooMany = Array.from({ length: 101 }, (_, i) => i + 1).join(',')
  for (const bad of ['?type__in=sms,fax', '?type__in=', '?type__in=sms,,push',
    '?notification__in=1,x', `?notification__in=${tooMany}`]) {
    const res = await call(h, 'GET', `/admin/logs/${bad}`)
    t.equal(res.statusCode, 400, bad)
    const field = bad.slice(1).split('=')[0] ?? ''
    t.same(res.json().data, {
      [field]: ['Enter a comma-separated list of up to 100 valid values.']
    }, bad)
  }
})

t.test('resend queues a copy as a new log entry', async (t) => {
  const h = await startAdmin(t)
  const row = await seedWeek(h)
  const original = row(1)
  const res = await call(h, 'POST', `/admin/logs/${original.id}/send/`)
  t.equal(res.statusCode, 200)
  const copy = res.json().data
  t.not(copy.id, original.id)
  t.match(copy, {
    recipient: original.recipient, status: 'queued', subject: original.subject,
    html_message: original.htmlMessage, notification: original.notificationId, error_message: null
  })
  const [job] = await h.app.queues.deliveries.getJobs(['waiting'])
  t.same(job?.data, { deliveryId: copy.id })
  const again = await call(h, 'GET', `/admin/logs/${original.id}/`)
  t.equal(again.json().data.status, 'failed', 'the original is left as it was')
  t.equal((await list(h)).count, 6)
})

t.test('resend to another recipient, checked for the channel', async (t) => {
  const h = await startAdmin(t)
  const row = await seedWeek(h)
  const email = await call(h, 'POST', `/admin/logs/${row(0).id}/send/`, { recipient: 'support@northwind.example' })
  t.equal(email.statusCode, 200)
  t.equal(email.json().data.recipient, 'support@northwind.example')
  const sms = await call(h, 'POST', `/admin/logs/${row(2).id}/send/`, { recipient: '+15550100999' })
  t.equal(sms.json().data.recipient, '+15550100999')
  const cases: Array<[number, object, string]> = [
    [0, { recipient: 'not-an-address' }, 'recipient'],
    [2, { recipient: '0800 123' }, 'recipient'],
    [0, { recipient: '' }, 'recipient'],
    [0, { to: 'x@y.co' }, 'to']
  ]
  for (const [index, payload, field] of cases) {
    const res = await call(h, 'POST', `/admin/logs/${row(index).id}/send/`, payload)
    t.equal(res.statusCode, 400, JSON.stringify(payload))
    t.ok(res.json().data[field])
  }
})

t.test('a resend asked again while its copy is on its way makes no second copy', async (t) => {
  const h = await startAdmin(t)
  const row = await seedWeek(h)
  const original = row(1)
  const send = (payload?: object) => call(h, 'POST', `/admin/logs/${original.id}/send/`, payload)
  const copiesOf = () => h.app.db.delivery.count({
    where: { dedupeKey: { startsWith: `resend:${original.id}:` } }
  })
  const first = (await send()).json().data
  const again = await send()
  t.equal(again.statusCode, 200)
  t.equal(again.json().data.id, first.id, 'a double click answers the same copy')
  const burst = await Promise.all(Array.from({ length: 10 }, () =>
    send({ recipient: 'support@northwind.example' })))
  const burstIds = new Set(burst.map((res) => res.json().data.id as string))
  t.equal(burstIds.size, 1, 'ten at once to another recipient make one copy')
  t.not([...burstIds][0], first.id)
  t.equal(await copiesOf(), 2)
  t.equal((await h.app.queues.deliveries.getJobs(['waiting'])).length, 2, 'two jobs')
  await h.app.db.delivery.update({ where: { id: first.id }, data: { status: 'sent' } })
  const later = (await send()).json().data
  t.not(later.id, first.id, 'once the copy is sent, a resend is a new copy')
  t.equal(later.status, 'queued')
  t.equal(await copiesOf(), 3)
})

t.test('another company\'s log entries are not found', async (t) => {
  const a = await startAdmin(t)
  const b = await startAdmin(t)
  const foreign = await seedDelivery(b, { recipient: 'secret@southwind.example', userId: seedUserIds.milo })
  for (const [method, url] of [['GET', `/admin/logs/${foreign.id}/`], ['POST', `/admin/logs/${foreign.id}/send/`]] as const) {
    const res = await call(a, method, url)
    t.equal(res.statusCode, 404, method)
    t.notMatch(res.body, 'southwind')
  }
  t.equal((await list(a)).count, 0)
  t.equal(await b.app.db.delivery.count({ where: { companyId: b.companyId } }), 1, 'nothing was copied')
  const missing = await call(a, 'GET', '/admin/logs/00000000-0000-4000-8000-000000000000/')
  t.equal(missing.statusCode, 404)
  const malformed = await call(a, 'GET', '/admin/logs/123/')
  t.equal(malformed.statusCode, 400)
  t.ok(malformed.json().data.id)
})
