import { createHash } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import type { Test } from 'tap'
import {
  PlatformUnauthorizedError,
  PlatformUnavailableError,
  authCacheKey,
  createAuthenticator,
  isAdmin,
  parseAuthorization
} from '../src/index.js'
import type { PlatformUser } from '../src/index.js'
import {
  clientFor,
  failure,
  fixture,
  startFakePlatform,
  success
} from './helpers.js'

const TOKEN = 'tok_9f8e7d6c5b4a39281706'

interface Options {
  ttlMs?: number
  /** Delay before each answer, to hold calls in flight. */
  delayMs?: number
  /** Status codes to answer, in order, before answering normally. */
  failures?: number[]
}

/** A platform whose /3/auth/ maps `Token <t>` to a user with id `u-<t>`. */
async function setup (t: Test, options: Options = {}) {
  const failures = [...(options.failures ?? [])]
  const platform = await startFakePlatform(t, (app) => {
    app.get('/3/auth/', async (request, reply) => {
      if (options.delayMs) await sleep(options.delayMs)
      const status = failures.shift()
      if (status !== undefined) {
        return reply.code(status).send(failure('Invalid token.'))
      }
      const token = parseAuthorization(request.headers.authorization)
      if (token === null) return reply.code(401).send(failure('Bad.'))
      return success({ ...fixture('auth-end-user').data, id: `u-${token}` })
    })
  })
  const auth = createAuthenticator({
    client: clientFor(t, platform.url),
    ttlMs: options.ttlMs ?? 60_000,
    max: 100
  })
  const platformCalls = (): number => platform.seen.length
  return { auth, platformCalls, platform }
}

t.test('parseAuthorization accepts only the Token scheme', async (t) => {
  const cases: Array<[string | undefined, string | null]> = [
    ['Token abc', 'abc'],
    ['token abc', 'abc'],
    ['TOKEN   abc', 'abc'],
    ['Token\tabc ', 'abc'],
    [undefined, null],
    ['', null],
    ['Token', null],
    ['Token ', null],
    ['Bearer abc', null],
    ['Tokenabc', null],
    ['Token abc def', null],
    ['abc', null]
  ]
  for (const [header, expected] of cases) {
    t.equal(parseAuthorization(header), expected, String(header))
  }
})

t.test('isAdmin needs an admin or service group', async (t) => {
  const user = (names: string[]): PlatformUser => ({
    id: 'u-1',
    email: null,
    mobile: null,
    first_name: null,
    last_name: null,
    language: null,
    timezone: null,
    company: 'northwind',
    groups: names.map((name) => ({ name }))
  })
  t.equal(isAdmin(user(['admin'])), true)
  t.equal(isAdmin(user(['individual', 'service'])), true)
  t.equal(isAdmin(user(['individual'])), false)
  t.equal(isAdmin(user(['Admin'])), false, 'group names are exact')
  t.equal(isAdmin(user([])), false)
})

t.test('the cache key is the SHA-256 hex of the token', async (t) => {
  const key = authCacheKey(TOKEN)
  t.equal(key, createHash('sha256').update(TOKEN).digest('hex'))
  t.match(key, /^[0-9a-f]{64}$/)
  t.notMatch(key, TOKEN)
  t.not(authCacheKey(`${TOKEN}x`), key)
})

t.test('a missing or malformed header never reaches the platform',
  async (t) => {
    const { auth, platformCalls } = await setup(t)
    for (const header of [undefined, '', 'Bearer abc', 'Token a b']) {
      await t.rejects(auth.authenticate(header), {
        name: 'PlatformUnauthorizedError',
        code: 'HERALD_ERR_PLATFORM_UNAUTHORIZED',
        statusCode: 401,
        message: 'Authentication credentials were not provided.'
      }, String(header))
    }
    t.equal(platformCalls(), 0)
  })

t.test('successful answers are cached per token', async (t) => {
  const { auth, platformCalls, platform } = await setup(t)
  for (const header of ['Token a1', 'token a1', 'TOKEN  a1']) {
    t.equal((await auth.authenticate(header)).id, 'u-a1')
  }
  t.equal(platformCalls(), 1, 'three lookups, one platform call')
  t.equal(platform.seen[0]?.authorization, 'Token a1')
  t.equal((await auth.authenticate('Token b2')).id, 'u-b2')
  t.equal(platformCalls(), 2, 'another token is looked up separately')
  auth.clear()
  await auth.authenticate('Token a1')
  t.equal(platformCalls(), 3, 'clear forgets cached answers')
})

t.test('cached answers expire after the TTL', async (t) => {
  const { auth, platformCalls } = await setup(t, { ttlMs: 60 })
  await auth.authenticate(`Token ${TOKEN}`)
  await auth.authenticate(`Token ${TOKEN}`)
  t.equal(platformCalls(), 1)
  await sleep(120)
  await auth.authenticate(`Token ${TOKEN}`)
  t.equal(platformCalls(), 2)
})

t.test('concurrent lookups of one token share a request', async (t) => {
  const { auth, platformCalls } = await setup(t, { delayMs: 50 })
  const users = await Promise.all([
    auth.authenticate('Token same'),
    auth.authenticate('token same'),
    auth.authenticate('Token same'),
    auth.authenticate('Token other')
  ])
  t.same(users.map((u) => u.id), ['u-same', 'u-same', 'u-same', 'u-other'])
  t.equal(platformCalls(), 2)
})

t.test('failures are shared in flight but not cached', async (t) => {
  const { auth, platformCalls } = await setup(t, {
    delayMs: 30, failures: [401, 503]
  })
  const first = await Promise.allSettled([
    auth.authenticate('Token abc'),
    auth.authenticate('Token abc')
  ])
  for (const result of first) {
    t.equal(result.status, 'rejected')
    if (result.status === 'rejected') {
      t.ok(result.reason instanceof PlatformUnauthorizedError)
    }
  }
  t.equal(platformCalls(), 1)
  await t.rejects(auth.authenticate('Token abc'), PlatformUnavailableError)
  t.equal((await auth.authenticate('Token abc')).id, 'u-abc')
  t.equal(platformCalls(), 3, 'each failure led to a fresh call')
})
