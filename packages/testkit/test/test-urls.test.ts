import t from 'tap'
import { testUrls } from '../src/index.js'

t.test('defaults when the variables are unset or empty', async (t) => {
  const expected = {
    databaseUrl: 'postgresql://postgres@127.0.0.1:5432/herald_test',
    redisUrl: 'redis://127.0.0.1:6379'
  }
  t.same(testUrls({}), expected)
  t.same(testUrls({ TEST_DATABASE_URL: '', TEST_REDIS_URL: '' }), expected)
})

t.test('reads TEST_DATABASE_URL and TEST_REDIS_URL', async (t) => {
  const env = {
    TEST_DATABASE_URL: 'postgresql://ci@db:5432/herald_ci',
    TEST_REDIS_URL: 'redis://cache:6380/2'
  }
  t.same(testUrls(env), {
    databaseUrl: 'postgresql://ci@db:5432/herald_ci',
    redisUrl: 'redis://cache:6380/2'
  })
})

t.test('reads process.env by default', async (t) => {
  const saved = process.env.TEST_REDIS_URL
  t.teardown(() => {
    if (saved === undefined) delete process.env.TEST_REDIS_URL
    else process.env.TEST_REDIS_URL = saved
  })
  process.env.TEST_REDIS_URL = 'redis://from-env:6379'
  t.equal(testUrls().redisUrl, 'redis://from-env:6379')
})
