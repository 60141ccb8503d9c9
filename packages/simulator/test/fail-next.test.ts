import t from 'tap'
import { seedTokens } from '../src/index.js'
import { call, startSim } from './helpers.js'

const lina = `Token ${seedTokens.northwind.user}`

t.test('failNext fails exactly one call to that path', async (t) => {
  const sim = await startSim(t)
  sim.failNext('/3/auth/', 401)
  const first = await call(sim, 'GET', '/3/auth/', lina)
  const second = await call(sim, 'GET', '/3/auth/', lina)
  t.equal(first.status, 401)
  t.same(first.body, { status: 'error', message: 'Invalid token.', data: {} })
  t.equal(second.status, 200)
})

t.test('failNext sends a custom body and headers', async (t) => {
  const sim = await startSim(t)
  const body = { status: 'error', message: 'Slow down.', data: {} }
  sim.failNext('/3/admin/company/', 429, body, { 'retry-after': '7' })
  const res = await call(sim, 'GET', '/3/admin/company/?x=1',
    `Token ${seedTokens.northwind.service}`)
  t.equal(res.status, 429)
  t.equal(res.headers['retry-after'], '7')
  t.same(res.body, body)
})

t.test('failures queue and ignore the trailing slash', async (t) => {
  const sim = await startSim(t)
  sim.failNext('/3/auth', 500)
  sim.failNext('/3/auth/', 503)
  const statuses = []
  for (let i = 0; i < 3; i++) {
    statuses.push((await call(sim, 'GET', '/3/auth/', lina)).status)
  }
  t.same(statuses, [500, 503, 200])
})

t.test('requests records every call, failed ones too', async (t) => {
  const sim = await startSim(t)
  sim.failNext('/3/auth/', 500)
  await call(sim, 'GET', '/3/auth/', lina)
  await call(sim, 'GET', '/3/auth/?a=b', lina)
  await call(sim, 'GET', '/3/admin/users/')
  t.same(sim.requests, [
    { method: 'GET', path: '/3/auth/', url: '/3/auth/', authorization: lina },
    {
      method: 'GET', path: '/3/auth/', url: '/3/auth/?a=b', authorization: lina
    },
    { method: 'GET', path: '/3/admin/users/', url: '/3/admin/users/' }
  ])
})
