import t from 'tap'
import { seedTokens } from '../src/index.js'
import { call, startSim } from './helpers.js'

const PATH = '/3/admin/webhooks/'
const service = `Token ${seedTokens.northwind.service}`
const hook = {
  url: 'http://ext.test/webhook/', event: 'user.create', secret: 's3cret'
}

t.test('registering a webhook answers 201 and records it', async (t) => {
  const sim = await startSim(t)
  const res = await call(sim, 'POST', PATH, service,
    { ...hook, condition: 'x' })
  t.equal(res.status, 201)
  t.match(res.body, { status: 'success', data: { ...hook, condition: 'x' } })
  t.match(sim.webhooks, [{ company: 'northwind', ...hook, condition: 'x' }])
})

t.test('the same company, url and event again is a 400', async (t) => {
  const sim = await startSim(t)
  await call(sim, 'POST', PATH, service, hook)
  const res = await call(sim, 'POST', PATH, service, hook)
  t.equal(res.status, 400)
  t.equal(res.body.status, 'error')
  t.match(res.body.message, /already exists/)
  t.equal(sim.webhooks.length, 1)
})

t.test('another event or another company is not a duplicate', async (t) => {
  const sim = await startSim(t)
  await call(sim, 'POST', PATH, service, hook)
  const other = await call(sim, 'POST', PATH, service,
    { ...hook, event: 'user.update' })
  const south = await call(sim, 'POST', PATH,
    `Token ${seedTokens.southwind.admin}`, hook)
  t.same([other.status, south.status], [201, 201])
  t.same(sim.webhooks.map((w) => w.company),
    ['northwind', 'northwind', 'southwind'])
})

t.test('bad bodies get field errors', async (t) => {
  const sim = await startSim(t)
  const missing = await call(sim, 'POST', PATH, service, { event: 'x' })
  t.equal(missing.status, 400)
  t.same(missing.body.data, { url: ['This field is required.'] })
  const unknown = await call(sim, 'POST', PATH, service,
    { ...hook, event: 'user.nope' })
  t.equal(unknown.status, 400)
  t.match(unknown.body.message, /^event: "user.nope" is not a valid choice/)
})

t.test('end users may not register webhooks', async (t) => {
  const sim = await startSim(t)
  const res = await call(sim, 'POST', PATH,
    `Token ${seedTokens.northwind.user}`, hook)
  t.equal(res.status, 403)
  t.same(sim.webhooks, [])
})
