import { loadConfig, type Config } from '@herald/config'
import { TEST_ENCRYPTION_KEY } from './test-encryption-key.js'
import { testUrls } from './test-urls.js'
import { uniqueId } from './unique-id.js'

/**
 * A validated configuration for one test: the test services, a queue
 * prefix of its own so parallel tests never see each other's jobs, quiet
 * logs, and no worker maintenance or metrics listener. `overrides` take
 * the same string values as the environment.
 */
export function testConfig (overrides: Record<string, string> = {}): Config {
  const { databaseUrl, redisUrl } = testUrls()
  return loadConfig({
    env: {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      HERALD_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      QUEUE_PREFIX: uniqueId('hq'),
      PUBLIC_URL: 'http://herald.test',
      LOG_LEVEL: 'silent',
      REGISTER_WEBHOOKS: 'false',
      // Maintenance sweeps and prunes the whole database and a metrics
      // listener takes a fixed port: tests that want either turn it on.
      MAINTENANCE_INTERVAL_MS: '0',
      WORKER_METRICS_PORT: '0',
      ...overrides
    }
  })
}
