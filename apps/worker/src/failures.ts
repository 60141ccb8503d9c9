/**
 * How each delivery failure is treated: one table, read top to bottom,
 * first match wins. Permanent failures end the delivery as failed at once;
 * transient ones are retried with backoff until attempts run out.
 */
export type FailureClass = 'permanent' | 'transient'

export interface Failure {
  class: FailureClass
  reason: string
}

interface ProviderError {
  code?: string
  responseCode?: number
  response?: string
  message?: string
}

interface Rule {
  when: (e: ProviderError) => boolean
  class: FailureClass
  why: string
}

const NETWORK = new Set([
  'ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNREFUSED', 'ECONNRESET',
  'EDNS', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'
])

export const FAILURE_TABLE: readonly Rule[] = [
  { when: (e) => e.code === 'EAUTH', class: 'permanent', why: 'SMTP authentication failed' },
  { when: (e) => e.code === 'EENVELOPE', class: 'permanent', why: 'SMTP refused the envelope' },
  { when: (e) => inRange(e.responseCode, 500), class: 'permanent', why: 'SMTP rejected the message' },
  { when: (e) => inRange(e.responseCode, 400), class: 'transient', why: 'SMTP deferred the message' },
  { when: (e) => NETWORK.has(e.code ?? ''), class: 'transient', why: 'connection to provider failed' }
]

function inRange (code: number | undefined, base: number): boolean {
  return code !== undefined && code >= base && code < base + 100
}

/** Unknown errors are transient: retrying what might succeed loses nothing. */
export function classifyFailure (err: unknown): Failure {
  const e = (err ?? {}) as ProviderError
  const rule = FAILURE_TABLE.find((r) => r.when(e))
  const detail = e.response ?? e.message ?? String(err)
  return {
    class: rule?.class ?? 'transient',
    reason: `${rule?.why ?? 'delivery failed'}: ${detail}`.slice(0, 1000)
  }
}
