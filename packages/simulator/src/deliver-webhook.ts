import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { request } from 'undici'
import type { Dispatcher } from 'undici'
import type { DeliverOptions, DeliveryAttempt } from './types.js'

const SUCCESS = new Set([200, 201, 202])
const HOUR_MS = 60 * 60 * 1000

/** The platform's growing back-off: 1 s, 4 s, 16 s... capped at an hour. */
export function defaultRetryDelayMs (attempt: number): number {
  return Math.min(1000 * 4 ** (attempt - 1), HOUR_MS)
}

/**
 * Delivers one webhook the way the platform does: POST JSON
 * `{id, event, company, data}` with `Authorization: Secret <secret>`,
 * retried up to `maxRetries` times after the first attempt on any status
 * but 200/201/202 or on a network error, with the same `id` each time.
 * Resolves with every attempt; it never throws for a failed delivery.
 */
export async function deliverWebhook (
  o: DeliverOptions,
  dispatcher?: Dispatcher
): Promise<DeliveryAttempt[]> {
  const body = JSON.stringify({
    id: o.id ?? randomUUID(), event: o.event, company: o.company, data: o.data
  })
  const maxRetries = o.maxRetries ?? 7
  const delay = o.retryDelayMs ?? defaultRetryDelayMs
  const attempts: DeliveryAttempt[] = []
  for (let retry = 0; retry <= maxRetries; retry++) {
    if (retry > 0) await sleep(delay(retry))
    const attempt = await attemptOnce(o, body, dispatcher)
    attempts.push(attempt)
    if (attempt.status !== null && SUCCESS.has(attempt.status)) break
  }
  return attempts
}

async function attemptOnce (
  o: DeliverOptions,
  body: string,
  dispatcher: Dispatcher | undefined
): Promise<DeliveryAttempt> {
  try {
    const res = await request(o.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Secret ${o.secret}`
      },
      body,
      signal: AbortSignal.timeout(o.timeoutMs ?? 5000),
      ...(dispatcher === undefined ? {} : { dispatcher })
    })
    return { status: res.statusCode, body: await res.body.text() }
  } catch (err) {
    // A failed attempt is data for the caller, who asserts on it.
    return { status: null, body: '', error: describe(err) }
  }
}

function describe (err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err)
}
