import t from 'tap'
import { addUser } from '../../api/test/helpers.js'
import { eventually, startStack, type Stack } from './helpers.js'

const announcement = {
  type: 'email',
  name: 'Announcement',
  event: '',
  to_email: '{{ user.email }}',
  subject: '{{ headline }}',
  text_message: 'Hi {{ user.first_name }}, {{ headline }} from {{ context.company.name }}.'
}

async function trigger (s: Stack, id: number, payload: object): Promise<string> {
  const res = await s.call({
    method: 'POST', url: `/admin/notifications/${id}/trigger/`, token: s.tokens.admin, payload
  })
  if (res.statusCode !== 200) throw new Error(`trigger failed: ${res.body}`)
  const row = await s.app.db.trigger.findFirstOrThrow({
    where: { notificationId: id }, orderBy: { createdAt: 'desc' }
  })
  return row.id
}

const groupPages = (s: Stack, group: string) => s.sim.requests.filter((r) =>
  r.path === '/3/admin/users/' && r.url.includes(`group=${group}`)).length

t.test('a trigger to a group of 40 read over several pages sends 40 emails', async (t) => {
  const s = await startStack(t, { PLATFORM_PAGE_SIZE: '15' })
  const members = Array.from({ length: 40 }, () => addUser(s, { groups: ['vip'] }))
  addUser(s, { groups: ['individual'] })
  const id = await s.createNotification(announcement)
  s.startWorker()
  const triggerId = await trigger(s, id, { groups: ['vip'], data: { headline: 'New rates' } })
  const mails = await s.sink.waitForMessages(40, 20_000)
  t.equal(groupPages(s, 'vip'), 3, 'members were read over three pages')
  const to = mails.flatMap((m) => m.to).sort()
  t.same(to, members.map((m) => m.email).sort(), 'each member once, nobody else')
  const first = mails.find((m) => m.to[0] === members[0]?.email)
  t.equal(first?.subject, 'New rates')
  t.match(first?.text, `Hi First${members[0]?.id.slice(0, 4)}, New rates from Northwind Wallet.`)
  await eventually(async () =>
    (await s.app.db.trigger.findUniqueOrThrow({ where: { id: triggerId } })).status === 'processed')
  const rows = await s.app.db.delivery.findMany({ where: { triggerId } })
  t.equal(rows.length, 40)
  t.ok(rows.every((r) => r.dedupeKey.startsWith(`trigger:${triggerId}:`) && r.webhookEventId === null))
  t.same(new Set(rows.map((r) => r.userId)), new Set(members.map((m) => m.id)))
})

t.test('users and groups overlap once; unknown users are recorded, not sent', async (t) => {
  const s = await startStack(t)
  const a = addUser(s, { groups: ['staff'] })
  const b = addUser(s, { groups: ['staff'] })
  const loner = addUser(s)
  const id = await s.createNotification(announcement)
  s.startWorker()
  const triggerId = await trigger(s, id, {
    users: [a.id, loner.id, 'no-such-user'], groups: ['staff'], data: { headline: 'Hello' }
  })
  await s.sink.waitForMessages(3)
  await eventually(async () =>
    (await s.app.db.trigger.findUniqueOrThrow({ where: { id: triggerId } })).status === 'processed')
  t.same(s.sink.messages.flatMap((m) => m.to).sort(), [a.email, b.email, loner.email].sort())
  const unknown = await s.app.db.delivery.findFirstOrThrow({ where: { triggerId, userId: 'no-such-user' } })
  t.match(unknown, { status: 'skipped', errorMessage: 'user not found on the platform', recipient: '' })
})

t.test('a trigger processed twice sends nothing twice', async (t) => {
  const s = await startStack(t)
  addUser(s, { groups: ['staff'] })
  addUser(s, { groups: ['staff'] })
  const id = await s.createNotification(announcement)
  s.startWorker()
  const triggerId = await trigger(s, id, { groups: ['staff'], data: { headline: 'Once' } })
  await s.sink.waitForMessages(2)
  await eventually(async () =>
    (await s.app.db.trigger.findUniqueOrThrow({ where: { id: triggerId } })).status === 'processed')
  await s.app.db.trigger.update({ where: { id: triggerId }, data: { status: 'received' } })
  await s.app.queues.triggers.remove(`trigger-${triggerId}`)
  await s.app.queues.enqueueTrigger(triggerId)
  await eventually(async () =>
    (await s.app.db.trigger.findUniqueOrThrow({ where: { id: triggerId } })).status === 'processed')
  await eventually(async () => (await s.app.queues.deliveries.getJobCounts('active', 'waiting')).waiting === 0)
  t.equal(s.sink.messages.length, 2)
  t.equal(await s.app.db.delivery.count({ where: { triggerId } }), 2)
})

t.test('a platform outage while reading a group is retried', async (t) => {
  const s = await startStack(t)
  addUser(s, { groups: ['staff'] })
  const id = await s.createNotification(announcement)
  s.sim.failNext('/3/admin/users/', 503)
  s.startWorker()
  await trigger(s, id, { groups: ['staff'], data: { headline: 'Retried' } })
  const [mail] = await s.sink.waitForMessages(1, 15_000)
  t.equal(mail?.subject, 'Retried')
})
