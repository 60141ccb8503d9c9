import type { IncomingHttpHeaders } from 'node:http'
import { Agent } from 'undici'
import { ProviderRefusedError, ProviderUnreachableError } from '../errors.js'

/** One call to a provider's HTTP API. */
export interface ProviderCall {
  /** Names the provider in errors: `twilio`, `expo`, ... */
  provider: string
  url: string
  headers: Record<string, string>
  body: string | Buffer
}

/** The provider's answer, whatever its status. */
export interface ProviderAnswer {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

/** HTTP to providers over one keep-alive agent; close it on shutdown. */
export interface ProviderHttp {
  post (call: ProviderCall): Promise<ProviderAnswer>
  close (): Promise<void>
}

/** Provider answers are small; anything longer is cut before parsing. */
const MAX_ANSWER_CHARS = 256 * 1024

/**
 * Creates the HTTP client every HTTP channel shares. A call that cannot
 * reach the provider or outlives `timeoutMs` throws
 * ProviderUnreachableError (transient); any answer is returned as is for
 * the channel to judge.
 */
export function createProviderHttp (timeoutMs: number): ProviderHttp {
  const agent = new Agent({
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: { timeout: timeoutMs }
  })
  let closing: Promise<void> | undefined

  async function post (call: ProviderCall): Promise<ProviderAnswer> {
    try {
      const res = await agent.request({
        origin: new URL(call.url).origin,
        path: pathOf(call.url),
        method: 'POST',
        headers: call.headers,
        body: call.body,
        signal: AbortSignal.timeout(timeoutMs)
      })
      const text = await res.body.text()
      return {
        status: res.statusCode,
        headers: res.headers,
        text: text.slice(0, MAX_ANSWER_CHARS)
      }
    } catch (err) {
      throw new ProviderUnreachableError(call.provider, err)
    }
  }

  return { post, close: () => (closing ??= agent.close()) }
}

function pathOf (url: string): string {
  const parsed = new URL(url)
  return parsed.pathname + parsed.search
}

/** The answer as JSON, or undefined when it is not JSON. */
export function jsonOf (answer: ProviderAnswer): unknown {
  try {
    return JSON.parse(answer.text)
  } catch {
    return undefined
  }
}

/** A refusal from a non-2xx answer, with the provider's code if it gave one. */
export function refusalOf (
  provider: string,
  answer: ProviderAnswer,
  providerCode?: string
): ProviderRefusedError {
  const detail = answer.text.replace(/\s+/g, ' ').trim().slice(0, 500)
  return new ProviderRefusedError({
    provider,
    status: answer.status,
    ...(providerCode === undefined ? {} : { providerCode }),
    detail: detail || `HTTP ${answer.status}`
  })
}

export const isSuccess = (answer: ProviderAnswer): boolean =>
  answer.status >= 200 && answer.status < 300
