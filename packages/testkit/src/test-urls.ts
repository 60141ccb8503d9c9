const DEFAULT_DATABASE_URL =
  'postgresql://postgres@127.0.0.1:5432/herald_test'
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379'

/** Where tests find their services. */
export interface TestUrls {
  databaseUrl: string
  redisUrl: string
}

/**
 * Read `TEST_DATABASE_URL` (default
 * `postgresql://postgres@127.0.0.1:5432/herald_test`) and `TEST_REDIS_URL`
 * (default `redis://127.0.0.1:6379`). Empty values count as unset.
 */
export function testUrls (env: NodeJS.ProcessEnv = process.env): TestUrls {
  return {
    databaseUrl: nonEmpty(env.TEST_DATABASE_URL) ?? DEFAULT_DATABASE_URL,
    redisUrl: nonEmpty(env.TEST_REDIS_URL) ?? DEFAULT_REDIS_URL
  }
}

function nonEmpty (value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}
