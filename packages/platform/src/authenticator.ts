import { createHash } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import { PlatformUnauthorizedError } from './errors.js'
import type { PlatformClient } from './platform-client.js'
import type { PlatformUser } from './types.js'

/** An authenticated caller of Herald. */
export interface Caller {
  user: PlatformUser
  /**
   * The raw platform token, for later platform calls on the caller's
   * behalf. A credential: never log it.
   */
  token: string
}

/** Options of {@link createAuthenticator}. */
export interface AuthenticatorOptions {
  client: PlatformClient
  /** How long a successful platform answer is reused, in milliseconds. */
  ttlMs: number
  /** Most distinct tokens kept in the cache. */
  max: number
}

/** Checks callers' `Authorization` headers against the platform. */
export interface Authenticator {
  /** The platform user behind the header; throws a PlatformError. */
  authenticate(header: string | undefined): Promise<PlatformUser>
  /** Forgets every cached answer and in-flight lookup. */
  clear(): void
}

const TOKEN_HEADER = /^\s*token\s+(\S+)\s*$/i

/**
 * The token of an `Authorization: Token <token>` header (scheme word in any
 * case), or null for a missing header or any other form.
 */
export function parseAuthorization (
  header: string | undefined
): string | null {
  if (header === undefined) return null
  return TOKEN_HEADER.exec(header)?.[1] ?? null
}

/**
 * The cache key of a token: its SHA-256 hex digest, so the cache never holds
 * the credential itself (the protocol asks for this).
 */
export function authCacheKey (token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Whether the user may use admin routes: group `admin` or `service`. */
export function isAdmin (user: PlatformUser): boolean {
  return user.groups.some(
    (group) => group.name === 'admin' || group.name === 'service'
  )
}

/**
 * Builds an authenticator. The platform throttles `/3/auth/`, so successful
 * answers are cached briefly and concurrent lookups of one token share a
 * single request. Failures are never cached: a token refused now may be
 * valid after a retry, and an outage must not lock users out for the TTL.
 */
export function createAuthenticator (
  options: AuthenticatorOptions
): Authenticator {
  const { client } = options
  const cache = new LRUCache<string, PlatformUser>({
    max: options.max, ttl: options.ttlMs
  })
  const inFlight = new Map<string, Promise<PlatformUser>>()

  async function lookup (key: string, token: string): Promise<PlatformUser> {
    const pending = client.auth(`Token ${token}`)
    inFlight.set(key, pending)
    try {
      const user = await pending
      // A clear() during the call must not let this answer back in.
      if (inFlight.get(key) === pending) cache.set(key, user)
      return user
    } finally {
      if (inFlight.get(key) === pending) inFlight.delete(key)
    }
  }

  async function authenticate (
    header: string | undefined
  ): Promise<PlatformUser> {
    const token = parseAuthorization(header)
    if (token === null) {
      throw new PlatformUnauthorizedError(
        'Authentication credentials were not provided.'
      )
    }
    const key = authCacheKey(token)
    return cache.get(key) ?? inFlight.get(key) ?? lookup(key, token)
  }

  function clear (): void {
    cache.clear()
    inFlight.clear()
  }

  return { authenticate, clear }
}
