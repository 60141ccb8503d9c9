import t from 'tap'
import { readFile } from 'node:fs/promises'
import { seedTokens } from '../src/index.js'
import { call, startSim } from './helpers.js'

const fixture = async (name: string): Promise<unknown> => JSON.parse(
  await readFile(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'))

t.test('GET /3/auth/ returns the fixture user of the token', async (t) => {
  const sim = await startSim(t)
  const cases = [
    [seedTokens.northwind.user, 'auth-end-user.json'],
    [seedTokens.northwind.service, 'auth-service-user.json']
  ] as const
  for (const [token, file] of cases) {
    const res = await call(sim, 'GET', '/3/auth/', `Token ${token}`)
    t.equal(res.status, 200)
    t.same(res.body, await fixture(file), file)
  }
})

t.test('the Token scheme word is case-insensitive', async (t) => {
  const sim = await startSim(t)
  for (const scheme of ['token', 'TOKEN', 'ToKeN']) {
    const res = await call(sim, 'GET', '/3/auth/',
      `${scheme} ${seedTokens.southwind.admin}`)
    t.equal(res.status, 200, scheme)
    t.equal(res.body.data.company, 'southwind')
  }
})

t.test('an unknown token gets 401 Invalid token.', async (t) => {
  const sim = await startSim(t)
  const res = await call(sim, 'GET', '/3/auth/', 'Token nope')
  t.equal(res.status, 401)
  t.same(res.body, { status: 'error', message: 'Invalid token.', data: {} })
})

t.test('a missing or non-Token header gets 401', async (t) => {
  const sim = await startSim(t)
  for (const header of [undefined, 'Bearer user-token-lina', 'Token']) {
    const res = await call(sim, 'GET', '/3/auth/', header)
    t.equal(res.status, 401, String(header))
    t.equal(res.body.status, 'error')
  }
})

t.test('the path works without its trailing slash', async (t) => {
  const sim = await startSim(t)
  const res = await call(sim, 'GET', '/3/auth',
    `Token ${seedTokens.northwind.user}`)
  t.equal(res.status, 200)
})

t.test('unknown routes answer the platform 404 envelope', async (t) => {
  const sim = await startSim(t)
  const res = await call(sim, 'GET', '/3/nothing/here/')
  t.equal(res.status, 404)
  t.same(res.body, { status: 'error', message: 'Not found.', data: {} })
})
