import t from 'tap'
import { seedTokens } from '../src/index.js'
import type { Page, SuccessBody } from '../src/index.js'
import { call, startSim } from './helpers.js'

const LINA = 'b7e41c09-2a6f-4d38-9e15-70c3a8f2d6b4'
const TX = '9c8b7a65-4321-4fed-b0a9-876543210fed'
type List = SuccessBody<Page<Record<string, unknown>>>

t.test('devices of a user carry their Expo push token', async (t) => {
  const sim = await startSim(t)
  const res = await call<List>(sim, 'GET',
    `/3/admin/users/devices/?user=${LINA}`,
    `Token ${seedTokens.northwind.service}`)
  t.equal(res.status, 200)
  t.equal(res.body.data.count, 1)
  t.match(res.body.data.results[0], {
    user: LINA,
    apps: [{ type: 'expo', token: /^ExponentPushToken\[/ }]
  })
})

t.test('another company sees none of its devices', async (t) => {
  const sim = await startSim(t)
  const res = await call<List>(sim, 'GET',
    `/3/admin/users/devices/?user=${LINA}`,
    `Token ${seedTokens.southwind.service}`)
  t.equal(res.body.data.count, 0)
})

t.test('added devices show up, filtered by user', async (t) => {
  const sim = await startSim(t)
  sim.addDevice({ id: 'd2', user: LINA, apps: [] })
  sim.addDevice({ id: 'd3', user: 'someone-else', apps: [] })
  const res = await call<List>(sim, 'GET',
    `/3/admin/users/devices/?user=${LINA}`,
    `Token ${seedTokens.northwind.admin}`)
  t.same(res.body.data.results.map((d) => d.id), ['device-lina-phone', 'd2'])
})

t.test('transactions filter by parent within the company', async (t) => {
  const sim = await startSim(t)
  sim.addTransaction({ id: 'fee-2', parent: TX, company: 'northwind' })
  sim.addTransaction({ id: 'fee-x', parent: TX, company: 'southwind' })
  const url = `/3/admin/transactions/?parent=${TX}`
  const north = await call<List>(sim, 'GET', url,
    `Token ${seedTokens.northwind.service}`)
  t.same(north.body.data.results.map((x) => x.id),
    ['a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d', 'fee-2'])
  const south = await call<List>(sim, 'GET', url,
    `Token ${seedTokens.southwind.service}`)
  t.same(south.body.data.results.map((x) => x.id), ['fee-x'])
})
