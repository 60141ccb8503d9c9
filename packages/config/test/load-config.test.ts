import t from 'tap'
import { readFileSync } from 'node:fs'
import { ConfigError, ConfigSchema, loadConfig } from '../src/index.js'

const key = Buffer.alloc(32, 7).toString('base64')
const minimal = { DATABASE_URL: 'postgresql://db/herald', HERALD_ENCRYPTION_KEY: key }

t.test('the required keys are enough; the rest take their defaults', async (t) => {
  const config = loadConfig({ env: minimal })
  t.equal(config.API_BASE_PATH, '/api')
  t.equal(config.REDIS_URL, 'redis://127.0.0.1:6379')
  t.equal(config.DELIVERY_ATTEMPTS, 8)
  t.equal(config.REGISTER_WEBHOOKS, true)
})

t.test('values are read as their types', async (t) => {
  const config = loadConfig({ env: { ...minimal, PORT: '8080', REGISTER_WEBHOOKS: 'false' } })
  t.equal(config.PORT, 8080)
  t.equal(config.REGISTER_WEBHOOKS, false)
})

const bad: Array<[string, Record<string, string>]> = [
  ['DATABASE_URL', { HERALD_ENCRYPTION_KEY: key }],
  ['HERALD_ENCRYPTION_KEY', { DATABASE_URL: minimal.DATABASE_URL }],
  ['HERALD_ENCRYPTION_KEY', { ...minimal, HERALD_ENCRYPTION_KEY: 'short' }],
  ['PORT', { ...minimal, PORT: 'eighty' }],
  ['LOG_LEVEL', { ...minimal, LOG_LEVEL: 'loud' }],
  ['REDIS_URL', { ...minimal, REDIS_URL: 'localhost:6379' }],
  ['API_BASE_PATH', { ...minimal, API_BASE_PATH: 'api/' }],
  ['WORKER_CONCURRENCY', { ...minimal, WORKER_CONCURRENCY: '0' }],
  ['DATABASE_POOL_SIZE', { ...minimal, DATABASE_POOL_SIZE: '0' }]
]

function catchError (fn: () => unknown): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  return null
}

for (const [name, env] of bad) {
  t.test(`a bad or missing ${name} stops start-up naming the key`, async (t) => {
    const err = catchError(() => loadConfig({ env }))
    t.ok(err instanceof ConfigError)
    t.equal((err as ConfigError).code, 'HERALD_ERR_CONFIG_INVALID')
    t.match((err as Error).message, name)
  })
}

t.test('.env.example documents every key, and only those', async (t) => {
  const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8')
  const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]).sort()
  t.same(documented, Object.keys(ConfigSchema.properties).sort())
})
