import { Redis, type RedisOptions } from 'ioredis'

/** How long a producer waits for any one Redis reply. */
export const PRODUCER_COMMAND_TIMEOUT_MS = 2000

/**
 * A Redis connection for BullMQ. Workers need `maxRetriesPerRequest: null`
 * so blocking commands survive a Redis restart; producers fail fast instead
 * so a webhook can answer 503 while Redis is away: no offline queue when
 * the connection is down, and a reply timeout when Redis stops answering
 * on a connection that still looks open (the platform gives up after 5 s).
 */
export function createRedis (
  url: string,
  role: 'producer' | 'worker',
  extra: RedisOptions = {}
): Redis {
  const producer = role === 'producer'
  return new Redis(url, {
    maxRetriesPerRequest: producer ? 1 : null,
    enableOfflineQueue: !producer,
    connectTimeout: 2000,
    ...(producer ? { commandTimeout: PRODUCER_COMMAND_TIMEOUT_MS } : {}),
    ...extra
  })
}
