import type { FastifyInstance } from 'fastify'

/** What a readiness check found for one dependency. */
export type CheckState = 'up' | 'down'

/** The reachability of everything the API needs to take a webhook. */
export interface Readiness {
  ready: boolean
  checks: { database: CheckState, redis: CheckState }
}

/** Longest a single check may take before it counts as down. */
export const CHECK_TIMEOUT_MS = 1500

/** `promise`, or a rejection once `ms` have passed without an answer. */
export function within<T> (promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)
  })
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer))
}

async function probe (check: () => Promise<unknown>): Promise<CheckState> {
  try {
    await within(check(), CHECK_TIMEOUT_MS)
    return 'up'
  } catch {
    return 'down'
  }
}

/**
 * Asks PostgreSQL and Redis for a trivial answer, both at once and each
 * within {@link CHECK_TIMEOUT_MS}. Never throws: a failure is a `down`.
 */
export async function checkReadiness (app: FastifyInstance): Promise<Readiness> {
  const [database, redis] = await Promise.all([
    probe(() => app.db.$queryRaw`SELECT 1`),
    probe(() => app.redis.ping())
  ])
  return { ready: database === 'up' && redis === 'up', checks: { database, redis } }
}
