import t from 'tap'
import type { Test } from 'tap'
import {
  PlatformError,
  PlatformForbiddenError,
  PlatformNotFoundError,
  PlatformRateLimitedError,
  PlatformRequestError,
  PlatformUnauthorizedError,
  PlatformUnavailableError
} from '../src/index.js'
import type { PlatformClient } from '../src/index.js'
import {
  clientFor,
  closedPortUrl,
  failure,
  fixture,
  startFakePlatform,
  success
} from './helpers.js'

const TOKEN = 'svc_5d1c0b9a8f7e6d5c4b3a'

/** Answers every route below with one fixed status, headers and body. */
async function platformAnswering (
  t: Test, status: number, body: unknown,
  headers: Record<string, string> = {}
): Promise<PlatformClient> {
  const platform = await startFakePlatform(t, (app) => {
    app.all('/*', async (_request, reply) =>
      reply.code(status).headers(headers).send(body))
  })
  return clientFor(t, platform.url)
}

async function caught (promise: Promise<unknown>): Promise<PlatformError> {
  try {
    await promise
  } catch (err) {
    if (err instanceof PlatformError) return err
    throw err
  }
  throw new Error('expected a rejection')
}

t.test('401 passes through with the platform message', async (t) => {
  const client = await platformAnswering(t, 401, failure('Token expired.'))
  const err = await caught(client.auth('Token old'))
  t.ok(err instanceof PlatformUnauthorizedError)
  t.match(err, {
    code: 'HERALD_ERR_PLATFORM_UNAUTHORIZED',
    statusCode: 401,
    message: 'Token expired.'
  })
  t.match(String(err.cause), /401 to GET \/3\/auth\//)
})

t.test('401 without a message falls back to "Invalid token."',
  async (t) => {
    const client = await platformAnswering(t, 401, '<html>no</html>')
    const err = await caught(client.company(TOKEN))
    t.ok(err instanceof PlatformUnauthorizedError)
    t.equal(err.message, 'Invalid token.')
  })

t.test('403 passes through with the platform message', async (t) => {
  const client = await platformAnswering(t, 403,
    failure('You do not have permission.'))
  const err = await caught(client.company(TOKEN))
  t.ok(err instanceof PlatformForbiddenError)
  t.match(err, {
    code: 'HERALD_ERR_PLATFORM_FORBIDDEN',
    statusCode: 403,
    message: 'You do not have permission.'
  })
})

t.test('429 keeps the Retry-After value', async (t) => {
  const client = await platformAnswering(t, 429,
    failure('Request was throttled. Expected available in 17 seconds.'),
    { 'retry-after': '17' })
  const err = await caught(client.auth('Token abc'))
  t.ok(err instanceof PlatformRateLimitedError)
  t.match(err, {
    code: 'HERALD_ERR_PLATFORM_RATE_LIMITED',
    statusCode: 429,
    retryAfter: '17',
    message: 'Request was throttled. Expected available in 17 seconds.'
  })
})

t.test('404 on a user lookup is not found', async (t) => {
  const client = await platformAnswering(t, 404, failure('Not found.'))
  const err = await caught(client.user(TOKEN, 'missing'))
  t.ok(err instanceof PlatformNotFoundError)
  t.match(err, {
    code: 'HERALD_ERR_PLATFORM_NOT_FOUND',
    statusCode: 404,
    message: 'Not found.'
  })
})

t.test('404 on /3/auth/ means a wrong platform URL', async (t) => {
  const client = await platformAnswering(t, 404, failure('Not found.'))
  const err = await caught(client.auth('Token abc'))
  t.ok(err instanceof PlatformUnavailableError)
  t.equal(err.statusCode, 502)
})

t.test('other 4xx is a bad request with message and data', async (t) => {
  const data = { url: ['Enter a valid URL.'] }
  const client = await platformAnswering(t, 400,
    failure('url: Enter a valid URL.', data))
  const hook = { url: 'nope', event: 'user.create', secret: 's' }
  const err = await caught(client.registerWebhook(TOKEN, hook))
  t.ok(err instanceof PlatformRequestError)
  t.match(err, {
    code: 'HERALD_ERR_PLATFORM_BAD_REQUEST',
    statusCode: 400,
    message: 'url: Enter a valid URL.'
  })
  t.same(err instanceof PlatformRequestError && err.data, data)
})

t.test('5xx is unavailable and hides the upstream body', async (t) => {
  const client = await platformAnswering(t, 500,
    failure('Traceback: secret internals'))
  const err = await caught(client.auth('Token abc'))
  t.ok(err instanceof PlatformUnavailableError)
  t.match(err, {
    code: 'HERALD_ERR_PLATFORM_UNAVAILABLE',
    statusCode: 502,
    message: 'Platform unavailable.'
  })
  t.notMatch(String(err.cause), /secret internals/)
})

t.test('a platform that never answers times out as unavailable',
  async (t) => {
    const platform = await startFakePlatform(t, (app) => {
      app.get('/3/auth/', () => new Promise(() => {}))
    })
    const client = clientFor(t, platform.url, { timeoutMs: 150 })
    const started = Date.now()
    const err = await caught(client.auth('Token abc'))
    t.ok(err instanceof PlatformUnavailableError)
    t.equal(err.statusCode, 502)
    t.ok(err.cause, 'the timeout is kept as cause')
    t.ok(Date.now() - started < 2000, 'gave up near the deadline')
  })

t.test('a refused connection is unavailable', async (t) => {
  const client = clientFor(t, await closedPortUrl())
  const err = await caught(client.auth('Token abc'))
  t.ok(err instanceof PlatformUnavailableError)
  t.equal(err.statusCode, 502)
  t.match(err.cause, { code: 'ECONNREFUSED' })
})

t.test('a non-JSON success body is unavailable', async (t) => {
  const platform = await startFakePlatform(t, (app) => {
    app.get('/3/auth/', async (_request, reply) =>
      reply.type('text/html').send('<html>maintenance</html>'))
  })
  const err = await caught(clientFor(t, platform.url).auth('Token abc'))
  t.ok(err instanceof PlatformUnavailableError)
  t.ok(err.cause instanceof SyntaxError)
})

t.test('a malformed envelope is unavailable', async (t) => {
  const userWithoutId = { ...fixture('auth-end-user').data, id: undefined }
  const bodies: unknown[] = [
    { status: 'error', data: fixture('auth-end-user').data },
    success(userWithoutId),
    success(null),
    [1, 2, 3]
  ]
  const platform = await startFakePlatform(t, (app) => {
    app.get('/3/auth/', async () => bodies.shift())
  })
  const client = clientFor(t, platform.url)
  for (const label of ['not success', 'no id', 'null data', 'array']) {
    const err = await caught(client.auth('Token abc'))
    t.ok(err instanceof PlatformUnavailableError, label)
    t.ok(err.cause instanceof TypeError, `${label}: cause kept`)
  }
})

t.test('an oversized body is unavailable', async (t) => {
  const platform = await startFakePlatform(t, (app) => {
    app.get('/3/admin/company/', async () =>
      success({ id: 'x', name: 'y'.repeat(4096), system_email: null }))
  })
  const client = clientFor(t, platform.url, { maxBodyBytes: 1024 })
  const err = await caught(client.company(TOKEN))
  t.ok(err instanceof PlatformUnavailableError)
  t.ok(err.cause instanceof RangeError)
})
