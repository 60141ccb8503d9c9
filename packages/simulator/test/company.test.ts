import t from 'tap'
import { readFile } from 'node:fs/promises'
import { seedTokens } from '../src/index.js'
import { call, startSim } from './helpers.js'

const { northwind, southwind } = seedTokens

t.test('service and admin users read their company', async (t) => {
  const sim = await startSim(t)
  const expected: unknown = JSON.parse(await readFile(
    new URL('../fixtures/admin-company.json', import.meta.url), 'utf8'))
  for (const token of [northwind.service, northwind.admin]) {
    const res = await call(sim, 'GET', '/3/admin/company/', `Token ${token}`)
    t.equal(res.status, 200)
    t.same(res.body, expected)
  }
})

t.test('each company sees only its own company', async (t) => {
  const sim = await startSim(t)
  const res = await call(sim, 'GET', '/3/admin/company/',
    `Token ${southwind.service}`)
  t.match(res.body.data, { id: 'southwind', mode: 'production' })
})

t.test('an end user gets 403 Permission denied.', async (t) => {
  const sim = await startSim(t)
  const res = await call(sim, 'GET', '/3/admin/company/',
    `Token ${northwind.user}`)
  t.equal(res.status, 403)
  t.same(res.body,
    { status: 'error', message: 'Permission denied.', data: {} })
})

t.test('an unknown token gets 401 before any permission check', async (t) => {
  const sim = await startSim(t)
  const res = await call(sim, 'GET', '/3/admin/company/', 'Token nope')
  t.equal(res.status, 401)
})
