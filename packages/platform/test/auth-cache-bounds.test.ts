import t from 'tap'
import type { Test } from 'tap'
import {
  PlatformUnauthorizedError,
  createAuthenticator,
  parseAuthorization
} from '../src/index.js'
import { clientFor, failure, fixture, startFakePlatform, success } from './helpers.js'

/** A platform whose /3/auth/ maps `Token <t>` to a user with id `u-<t>`. */
async function setup (t: Test, max: number) {
  const platform = await startFakePlatform(t, (app) => {
    app.get('/3/auth/', async (request, reply) => {
      const token = parseAuthorization(request.headers.authorization)
      if (token === null) return reply.code(401).send(failure('Bad.'))
      return success({ ...fixture('auth-end-user').data, id: `u-${token}` })
    })
  })
  const client = clientFor(t, platform.url)
  const auth = createAuthenticator({ client, ttlMs: 60_000, max })
  return { auth, client, calls: () => platform.seen.length }
}

t.test('the cache holds at most AUTH_CACHE_MAX tokens, least recent out first', async (t) => {
  const { auth, calls } = await setup(t, 3)
  for (const token of ['a', 'b', 'c']) await auth.authenticate(`Token ${token}`)
  t.equal(calls(), 3)
  await auth.authenticate('Token a')
  t.equal(calls(), 3, 'a is still cached')
  await auth.authenticate('Token d')
  t.equal(calls(), 4, 'd pushed the least recent (b) out')
  await auth.authenticate('Token a')
  await auth.authenticate('Token c')
  t.equal(calls(), 4, 'a and c stayed')
  await auth.authenticate('Token b')
  t.equal(calls(), 5, 'b was looked up again')
})

t.test('many distinct tokens never grow the cache past its bound', async (t) => {
  const { auth, calls } = await setup(t, 10)
  for (let i = 0; i < 200; i++) await auth.authenticate(`Token flood-${i}`)
  t.equal(calls(), 200)
  for (let i = 190; i < 200; i++) await auth.authenticate(`Token flood-${i}`)
  t.equal(calls(), 200, 'the last ten are cached')
  await auth.authenticate('Token flood-0')
  t.equal(calls(), 201, 'the first one is long gone')
})

t.test('a token no header can carry is refused without a platform call', async (t) => {
  const { client, calls } = await setup(t, 10)
  for (const header of ['Token \u202e\u202d', 'Token a\r\nX-Injected: 1', 'Token \u0000']) {
    await t.rejects(client.auth(header), PlatformUnauthorizedError)
  }
  t.equal(calls(), 0)
  t.equal((await client.auth('Token ok')).id, 'u-ok', 'the client still works')
})
