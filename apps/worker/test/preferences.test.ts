import t from 'tap'
import { addUser } from '../../api/test/helpers.js'
import { eventually, paymentEmail, startStack, transactionEvent, type Stack } from './helpers.js'

const choose = (s: Stack, token: string, id: number, enabled: boolean) => s.call({
  method: 'PATCH', url: `/user/notifications/${id}/`, token, payload: { enabled }
})

const deliveryOf = (s: Stack, notificationId: number) =>
  s.app.db.delivery.findFirstOrThrow({ where: { notificationId } })

t.test('a user who switched a notification off gets nothing, with the reason logged', async (t) => {
  const s = await startStack(t)
  const id = await s.createNotification({ ...paymentEmail, preference_enabled: true })
  t.equal((await choose(s, s.tokens.user, id, false)).statusCode, 200)
  s.startWorker()
  await s.sendEvent()
  await eventually(async () => (await deliveryOf(s, id)).status === 'skipped')
  t.equal((await deliveryOf(s, id)).errorMessage, 'the user switched this notification off')
  t.equal(s.sink.messages.length, 0)
})

t.test('switched back on, the next event arrives', async (t) => {
  const s = await startStack(t)
  const id = await s.createNotification({ ...paymentEmail, preference_enabled: true })
  await choose(s, s.tokens.user, id, false)
  await choose(s, s.tokens.user, id, true)
  s.startWorker()
  await s.sendEvent()
  const [mail] = await s.sink.waitForMessages(1)
  t.same(mail?.to, ['lina.okafor@example.org'])
})

t.test('a notification users may not switch off ignores stored choices', async (t) => {
  const s = await startStack(t)
  const id = await s.createNotification({ ...paymentEmail, preference_enabled: true })
  await choose(s, s.tokens.user, id, false)
  await s.call({
    method: 'PATCH', url: `/admin/notifications/${id}/`, token: s.tokens.admin,
    payload: { preference_enabled: false }
  })
  s.startWorker()
  await s.sendEvent()
  const [mail] = await s.sink.waitForMessages(1)
  t.same(mail?.to, ['lina.okafor@example.org'])
  await eventually(async () => (await deliveryOf(s, id)).status === 'sent')
})

t.test('another user\'s choice does not silence this one', async (t) => {
  const s = await startStack(t)
  const other = addUser(s)
  const id = await s.createNotification({ ...paymentEmail, preference_enabled: true })
  await choose(s, other.token, id, false)
  s.startWorker()
  await s.sendEvent(transactionEvent.id)
  const [mail] = await s.sink.waitForMessages(1)
  t.same(mail?.to, ['lina.okafor@example.org'])
})

t.test('a trigger skips the group members who switched it off', async (t) => {
  const s = await startStack(t)
  const a = addUser(s, { groups: ['staff'] })
  const b = addUser(s, { groups: ['staff'] })
  const id = await s.createNotification({
    type: 'email', name: 'News', to_email: '{{ user.email }}', subject: 'News',
    preference_enabled: true
  })
  await choose(s, b.token, id, false)
  s.startWorker()
  await s.call({
    method: 'POST', url: `/admin/notifications/${id}/trigger/`, token: s.tokens.admin,
    payload: { groups: ['staff'] }
  })
  await s.sink.waitForMessages(1)
  await eventually(async () => (await s.app.db.delivery.count({ where: { notificationId: id } })) === 2)
  const skipped = await s.app.db.delivery.findFirstOrThrow({ where: { notificationId: id, userId: b.id } })
  t.equal(skipped.status, 'skipped')
  await eventually(async () => (await s.app.db.delivery.count({
    where: { notificationId: id, status: 'sent' }
  })) === 1)
  t.same(s.sink.messages.flatMap((m) => m.to), [a.email])
})
