/** A platform group as it appears on a user (`groups[]`). */
export interface SimGroup {
  name: string
  /** Defaults to the capitalised name. */
  label?: string
  /** Defaults to `admin` for admin/service, `user` otherwise. */
  section?: string
}

/** A platform user, as `/3/auth/` and `/3/admin/users/{id}/` return it. */
export interface SimUser {
  id: string
  email: string | null
  mobile: string | null
  first_name: string
  last_name: string
  username?: string | null
  language: string
  timezone: string
  /** Identifier of the company the user belongs to. */
  company: string
  groups: SimGroup[]
  verification?: { email: boolean; mobile: boolean }
  /** Defaults to `pending`. */
  status?: string
  /** Milliseconds since the epoch. */
  created?: number
  updated?: number
}

/** A user's device with its push apps (`type: 'expo'` for Expo tokens). */
export interface SimDevice {
  id: string
  /** Id of the owning user. */
  user: string
  name?: string
  apps: {
    id: string
    type: 'expo' | 'firebase' | string
    token: string
    name?: string
  }[]
}

/** A platform company, as `/3/admin/company/` returns it. */
export interface SimCompany {
  id: string
  name: string
  system_email: string | null
  support_email?: string | null
  website?: string | null
  logo?: string | null
  icon?: string | null
  mode: 'test' | 'production'
  /** Defaults to `active`. */
  status?: string
  description?: string
}

/**
 * A transaction, returned as stored. It is visible to a company when its
 * `company` field names it or, failing that, its `user.id` belongs to it.
 */
export interface SimTransaction {
  id: string
  parent?: string | null
  [k: string]: unknown
}

/** Everything a simulator starts with. */
export interface SimSeed {
  companies?: SimCompany[]
  users?: SimUser[]
  /** Token → user id. */
  tokens?: Record<string, string>
  devices?: SimDevice[]
  transactions?: SimTransaction[]
}

/** A webhook registered through `POST /3/admin/webhooks/`. */
export interface RegisteredWebhook {
  id: string
  company: string
  url: string
  event: string
  secret: string
  condition?: string
}

/** One HTTP attempt of a webhook delivery. */
export interface DeliveryAttempt {
  /** Response status, `null` on a network error or timeout. */
  status: number | null
  body: string
  error?: string
}

/** What to deliver, where, and how hard to retry. */
export interface DeliverOptions {
  url: string
  secret: string
  /** Sent unchanged on every retry; defaults to a random UUID. */
  id?: string | number
  event: string
  company: string
  data: unknown
  /** Retries after the first attempt; default 7. */
  maxRetries?: number
  /** Delay before retry `attempt` (1-based); default grows to one hour. */
  retryDelayMs?: (attempt: number) => number
  /** Per-attempt timeout; default 5000. */
  timeoutMs?: number
}

/** A call the simulator received, recorded for assertions. */
export interface RecordedRequest {
  method: string
  /** Path without the query string. */
  path: string
  /** Path with the query string. */
  url: string
  authorization?: string
}
