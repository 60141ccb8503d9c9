import { Redis, type RedisOptions } from 'ioredis'

/**
 * A Redis connection for BullMQ. Workers need `maxRetriesPerRequest: null`
 * so blocking commands survive a Redis restart; producers fail fast instead
 * so a webhook can answer 503 while Redis is away.
 */
export function createRedis (
  url: string,
  role: 'producer' | 'worker',
  extra: RedisOptions = {}
): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    connectTimeout: 2000,
    ...extra
  })
}
