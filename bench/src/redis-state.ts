import type { Redis } from 'ioredis'

const SCAN_COUNT = 1000

async function keysOf (redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = []
  let cursor = '0'
  do {
    const [next, batch] = await redis.scan(
      cursor, 'MATCH', `${prefix}:*`, 'COUNT', SCAN_COUNT)
    cursor = next
    keys.push(...batch)
  } while (cursor !== '0')
  return keys
}

/** Removes every key of the bench's queue prefix. */
export async function deletePrefix (redis: Redis, prefix: string): Promise<number> {
  const keys = await keysOf(redis, prefix)
  for (let i = 0; i < keys.length; i += SCAN_COUNT) {
    await redis.unlink(...keys.slice(i, i + SCAN_COUNT))
  }
  return keys.length
}

/** Redis's own view of its memory: INFO memory `used_memory`, in MiB. */
export async function usedMemoryMiB (redis: Redis): Promise<number> {
  const info = await redis.info('memory')
  const bytes = /^used_memory:(\d+)/m.exec(info)?.[1]
  if (bytes === undefined) throw new Error('INFO memory has no used_memory')
  return Number(bytes) / 1024 / 1024
}

/**
 * Memory held by the bench's own keys (MEMORY USAGE of each), in MiB and
 * keys: unlike `used_memory` it leaves out what other users of the same
 * Redis hold.
 */
export async function prefixMemory (
  redis: Redis,
  prefix: string
): Promise<{ mib: number, keys: number }> {
  const keys = await keysOf(redis, prefix)
  const pipeline = redis.pipeline()
  for (const key of keys) pipeline.memory('USAGE', key)
  const replies = await pipeline.exec() ?? []
  const bytes = replies.reduce((sum, [, value]) => sum + Number(value ?? 0), 0)
  return { mib: bytes / 1024 / 1024, keys: keys.length }
}
