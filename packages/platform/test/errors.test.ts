import t from 'tap'
import {
  PLATFORM_ERROR_CODES,
  PlatformError,
  PlatformForbiddenError,
  PlatformNotFoundError,
  PlatformRateLimitedError,
  PlatformRequestError,
  PlatformUnauthorizedError,
  PlatformUnavailableError
} from '../src/index.js'

const cause = new Error('underlying')
const instances: PlatformError[] = [
  new PlatformUnauthorizedError(undefined, { cause }),
  new PlatformForbiddenError(undefined, { cause }),
  new PlatformRateLimitedError(undefined, { cause, retryAfter: '30' }),
  new PlatformNotFoundError(undefined, { cause }),
  new PlatformRequestError(undefined, { cause, data: { a: ['b'] } }),
  new PlatformUnavailableError({ cause })
]

t.test('error codes are unique and all documented', async (t) => {
  const codes = instances.map((err) => err.code)
  t.equal(new Set(codes).size, codes.length, 'no two classes share a code')
  t.same([...codes].sort(), Object.keys(PLATFORM_ERROR_CODES).sort(),
    'the catalogue lists exactly the codes in use')
  for (const code of codes) {
    t.match(code, /^HERALD_ERR_PLATFORM_[A-Z_]+$/)
  }
})

t.test('each error carries its status, default message and cause',
  async (t) => {
    const expected: Array<[number, string]> = [
      [401, 'Invalid token.'],
      [403, 'Permission denied.'],
      [429, 'Request was throttled.'],
      [404, 'Not found.'],
      [400, 'Bad request.'],
      [502, 'Platform unavailable.']
    ]
    instances.forEach((err, i) => {
      t.ok(err instanceof PlatformError, `${err.name} is a PlatformError`)
      t.ok(err instanceof Error)
      t.same([err.statusCode, err.message], expected[i], err.name)
      t.equal(err.cause, cause, `${err.name} keeps its cause`)
      t.equal(err.name, err.constructor.name)
    })
  })

t.test('extra fields are kept', async (t) => {
  const limited = new PlatformRateLimitedError('Slow down.', {
    retryAfter: '12'
  })
  t.equal(limited.retryAfter, '12')
  t.equal(limited.message, 'Slow down.')
  const refused = new PlatformRequestError('url: bad.', {
    data: { url: ['bad.'] }
  })
  t.same(refused.data, { url: ['bad.'] })
})
