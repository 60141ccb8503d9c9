import { LRUCache } from 'lru-cache'

/** Options of {@link createLookupCache}. */
export interface LookupCacheOptions<T> {
  /** How long a loaded value is reused, in milliseconds; 0 never reuses. */
  ttlMs: number
  /** Most keys kept; the least recently used goes first. */
  max: number
  /** Reads the value; null (nothing there) is cached like any value. */
  load: (key: string) => Promise<T | null>
}

/** Values read from the database, reused for a bounded time. */
export interface LookupCache<T> {
  /** The cached value, or a fresh load; concurrent misses share it. */
  get (key: string): Promise<T | null>
  /** Drops the key, so the next `get` reads it again. */
  forget (key: string): void
}

/**
 * Reuses database reads on hot paths (a company per webhook, its
 * credentials per delivery) for at most `ttlMs`: a change made by
 * another process is seen within that time; the process that makes
 * the change calls `forget` and sees it at once. A failed load is not
 * kept, so the next call reads again.
 */
export function createLookupCache<T> (
  options: LookupCacheOptions<T>
): LookupCache<T> {
  const { ttlMs, max, load } = options
  if (ttlMs === 0) return { get: load, forget: () => {} }
  const cache = new LRUCache<string, Promise<T | null>>({ max, ttl: ttlMs })

  function get (key: string): Promise<T | null> {
    const hit = cache.get(key)
    if (hit !== undefined) return hit
    const loading = load(key)
    cache.set(key, loading)
    loading.catch(() => {
      if (cache.peek(key) === loading) cache.delete(key)
    })
    return loading
  }

  return { get, forget: (key) => { cache.delete(key) } }
}
