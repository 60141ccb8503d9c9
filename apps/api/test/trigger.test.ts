import t from 'tap'
import { startAdmin, type ApiHarness } from './helpers.js'

const manual = {
  type: 'email', name: 'Announcement', event: '',
  to_email: '{{ user.email }}', subject: 'News: {{ headline }}'
}

async function notification (h: ApiHarness, payload: object = manual): Promise<number> {
  const res = await h.call({ method: 'POST', url: '/admin/notifications/', token: h.tokens.admin, payload })
  return res.json().data.id as number
}

const trigger = (h: ApiHarness, id: number, payload: unknown) => h.call({
  method: 'POST', url: `/admin/notifications/${id}/trigger/`, token: h.tokens.admin,
  payload: payload as object
})

t.test('a trigger is stored and queued, and answers at once', async (t) => {
  const h = await startAdmin(t)
  const id = await notification(h)
  const res = await trigger(h, id, {
    users: ['u-1', 'u-2', 'u-1'], groups: ['individual'], data: { headline: 'Rates' }
  })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'success' })
  const row = await h.app.db.trigger.findFirstOrThrow({ where: { companyId: h.companyId } })
  t.same(row.users, ['u-1', 'u-2'], 'users once each')
  t.same(row.groups, ['individual'])
  t.same(row.data, { headline: 'Rates' })
  t.equal(row.notificationId, id)
  t.equal(row.status, 'received')
  const [job] = await h.app.queues.triggers.getJobs(['waiting'])
  t.same(job?.data, { triggerId: row.id }, 'the job carries the id only')
  t.equal(await h.app.queues.triggers.count(), 1)
})

t.test('a trigger must name someone, in the right shapes', async (t) => {
  const h = await startAdmin(t)
  const id = await notification(h)
  const cases: Array<[string, unknown, string]> = [
    ['nobody', { data: {} }, 'users'],
    ['empty lists', { users: [], groups: [] }, 'users'],
    ['users not a list', { users: 'u-1' }, 'users'],
    ['a user id that is not a string', { users: [5] }, 'users.0'],
    ['data not an object', { users: ['u'], data: [1] }, 'data'],
    ['an unknown field', { users: ['u'], everyone: true }, 'everyone'],
    ['too many users', { users: Array.from({ length: 1001 }, (_, i) => `u${i}`) }, 'users']
  ]
  for (const [name, payload, field] of cases) {
    const res = await trigger(h, id, payload)
    t.equal(res.statusCode, 400, name)
    t.ok(res.json().data[field], `${name} names ${field}`)
  }
  t.equal(await h.app.db.trigger.count({ where: { companyId: h.companyId } }), 0)
})

t.test('a disabled notification is not triggered', async (t) => {
  const h = await startAdmin(t)
  const id = await notification(h, { ...manual, enabled: false })
  const res = await trigger(h, id, { users: ['u-1'] })
  t.equal(res.statusCode, 400)
  t.ok(res.json().data.enabled)
})

t.test('another company\'s notification cannot be triggered', async (t) => {
  const a = await startAdmin(t)
  const b = await startAdmin(t)
  const id = await notification(a)
  const res = await trigger(b, id, { users: ['u-1'] })
  t.equal(res.statusCode, 404)
  t.equal(await b.app.db.trigger.count({ where: { notificationId: id } }), 0)
})

t.test('a trigger that cannot be queued answers 503 and leaves no row', async (t) => {
  const h = await startAdmin(t)
  const id = await notification(h)
  const { triggers } = h.app.queues
  const add = triggers.add.bind(triggers)
  triggers.add = async () => { throw new Error('redis is away') }
  t.teardown(() => { triggers.add = add })
  const res = await trigger(h, id, { users: ['u-1'] })
  t.equal(res.statusCode, 503)
  t.equal(res.json().status, 'error')
  t.equal(await h.app.db.trigger.count({ where: { companyId: h.companyId } }), 0)
})

t.test('only admins trigger', async (t) => {
  const h = await startAdmin(t)
  const id = await notification(h)
  const res = await h.call({
    method: 'POST', url: `/admin/notifications/${id}/trigger/`, token: h.tokens.user,
    payload: { users: ['u-1'] }
  })
  t.equal(res.statusCode, 403)
})
