import type { IncomingHttpHeaders } from 'node:http'
import { Pool } from 'undici'
import {
  decodeCompany,
  decodeDevice,
  decodePage,
  decodeTransaction,
  decodeUser
} from './decode.js'
import {
  parseEnvelope,
  readLimitedText,
  successData,
  tryParseEnvelope
} from './envelope.js'
import { errorForStatus } from './error-for-status.js'
import {
  PlatformRequestError,
  PlatformUnauthorizedError,
  PlatformUnavailableError
} from './errors.js'
import type {
  PlatformCompany,
  PlatformDevice,
  PlatformTransaction,
  PlatformUser,
  WebhookRegistration
} from './types.js'

/** Options of {@link PlatformClient}. */
export interface PlatformClientOptions {
  /** Platform root, e.g. `https://api.rehive.com`; a path prefix is kept. */
  baseUrl: string
  /** Deadline of one HTTP call, connect to last body byte. Default 8000. */
  timeoutMs?: number
  /** Most sockets kept open to the platform. Default 16. */
  connections?: number
  /** `page_size` asked of paginated lists (platform max 250). Default 100. */
  pageSize?: number
  /** Most pages followed by one listing, against `next` loops. Default 1000. */
  maxPages?: number
  /** Largest answer body accepted, in bytes. Default 5 MiB. */
  maxBodyBytes?: number
}

interface Call {
  method: 'GET' | 'POST'
  /** Path and query below the base URL's origin, prefix included. */
  path: string
  authorization: string
  body?: unknown
  notFoundIsLookup?: boolean
}

interface RawAnswer {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

function tokenHeader (token: string): string {
  return `Token ${token}`
}

/** What an HTTP header value may hold: visible ASCII, spaces and tabs. */
const HEADER_VALUE = /^[\t\x20-\x7E]*$/

function upstreamFault (reason: string): PlatformUnavailableError {
  return new PlatformUnavailableError({ cause: new Error(reason) })
}

function decodeOrFail<T> (decoder: (data: unknown) => T, data: unknown): T {
  try {
    return decoder(data)
  } catch (err) {
    throw new PlatformUnavailableError({ cause: err })
  }
}

function mentionsAlreadyExists (value: unknown): boolean {
  if (typeof value === 'string') return /already exists/i.test(value)
  if (Array.isArray(value)) return value.some(mentionsAlreadyExists)
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some(mentionsAlreadyExists)
  }
  return false
}

function isAlreadyExists (err: unknown): boolean {
  return err instanceof PlatformRequestError &&
    (mentionsAlreadyExists(err.message) || mentionsAlreadyExists(err.data))
}

/**
 * Client of the platform API. Holds one keep-alive connection pool to the
 * platform origin; call {@link PlatformClient.close} on shutdown.
 */
export class PlatformClient {
  readonly #pool: Pool
  readonly #origin: string
  readonly #prefix: string
  readonly #timeoutMs: number
  readonly #pageSize: number
  readonly #maxPages: number
  readonly #maxBodyBytes: number
  #closing: Promise<void> | undefined

  constructor (options: PlatformClientOptions) {
    const base = new URL(options.baseUrl)
    this.#origin = base.origin
    this.#prefix = base.pathname.replace(/\/+$/, '')
    this.#timeoutMs = options.timeoutMs ?? 8000
    this.#pageSize = options.pageSize ?? 100
    this.#maxPages = options.maxPages ?? 1000
    this.#maxBodyBytes = options.maxBodyBytes ?? 5 * 1024 * 1024
    this.#pool = new Pool(this.#origin, {
      connections: options.connections ?? 16
    })
  }

  /** `GET /3/auth/`, forwarding the caller's Authorization value as is. */
  async auth (authorization: string): Promise<PlatformUser> {
    const data = await this.#json({
      method: 'GET', path: this.#path('/3/auth/'), authorization
    })
    return decodeOrFail(decodeUser, data)
  }

  /** `GET /3/admin/company/`: the company the token belongs to. */
  async company (token: string): Promise<PlatformCompany> {
    const data = await this.#json({
      method: 'GET',
      path: this.#path('/3/admin/company/'),
      authorization: tokenHeader(token)
    })
    return decodeOrFail(decodeCompany, data)
  }

  /**
   * `POST /3/admin/webhooks/`. Registration is idempotent: the platform's
   * "already exists" refusal means the hook is in place, so it is reported
   * as `'exists'` rather than thrown.
   */
  async registerWebhook (
    token: string, hook: WebhookRegistration
  ): Promise<'created' | 'exists'> {
    try {
      await this.#json({
        method: 'POST',
        path: this.#path('/3/admin/webhooks/'),
        authorization: tokenHeader(token),
        body: hook
      })
      return 'created'
    } catch (err) {
      if (isAlreadyExists(err)) return 'exists'
      throw err
    }
  }

  /** `GET /3/admin/users/{id}/`; a 404 is a PlatformNotFoundError. */
  async user (token: string, id: string): Promise<PlatformUser> {
    const data = await this.#json({
      method: 'GET',
      path: this.#path(`/3/admin/users/${encodeURIComponent(id)}/`),
      authorization: tokenHeader(token),
      notFoundIsLookup: true
    })
    return decodeOrFail(decodeUser, data)
  }

  /** Every user of a group, following `next` page by page. */
  async * usersInGroup (
    token: string, group: string
  ): AsyncGenerator<PlatformUser> {
    const query = new URLSearchParams({
      group, page_size: String(this.#pageSize)
    })
    const items = this.#list(
      this.#path(`/3/admin/users/?${query}`), token, false
    )
    for await (const item of items) yield decodeOrFail(decodeUser, item)
  }

  /** A user's devices, whether the platform pages the list or not. */
  async devices (token: string, userId: string): Promise<PlatformDevice[]> {
    const query = new URLSearchParams({
      user: userId, page_size: String(this.#pageSize)
    })
    const path = this.#path(`/3/admin/users/devices/?${query}`)
    return this.#collect(this.#list(path, token, true), decodeDevice)
  }

  /** `GET /3/admin/transactions/?parent=<id>`: a transaction's fees. */
  async feeChildren (
    token: string, transactionId: string
  ): Promise<PlatformTransaction[]> {
    const query = new URLSearchParams({
      parent: transactionId, page_size: String(this.#pageSize)
    })
    const path = this.#path(`/3/admin/transactions/?${query}`)
    return this.#collect(this.#list(path, token, true), decodeTransaction)
  }

  /** Closes the pool once in-flight calls end. Safe to call twice. */
  close (): Promise<void> {
    this.#closing ??= this.#pool.close()
    return this.#closing
  }

  #path (path: string): string {
    return this.#prefix + path
  }

  async #collect<T> (
    items: AsyncIterable<unknown>, decoder: (data: unknown) => T
  ): Promise<T[]> {
    const out: T[] = []
    for await (const item of items) out.push(decodeOrFail(decoder, item))
    return out
  }

  /** Yields the raw results of every page, starting at `path`. */
  async * #list (
    path: string, token: string, notFoundIsLookup: boolean
  ): AsyncGenerator<unknown> {
    const seen = new Set<string>()
    let next: string | null = path
    while (next !== null) {
      this.#guardPage(seen, next)
      const data = await this.#json({
        method: 'GET', path: next, authorization: tokenHeader(token),
        notFoundIsLookup
      })
      const page = decodeOrFail(decodePage, data)
      yield * page.results
      next = page.next === null ? null : this.#samePlatform(page.next)
    }
  }

  #guardPage (seen: Set<string>, path: string): void {
    if (seen.has(path)) throw upstreamFault('pagination loops back')
    if (seen.size >= this.#maxPages) {
      throw upstreamFault(`pagination exceeds ${this.#maxPages} pages`)
    }
    seen.add(path)
  }

  /**
   * Resolves a `next` link to a path on our pool. A link to another origin
   * is refused: following it would hand the token to a foreign host.
   */
  #samePlatform (next: string): string {
    let url: URL
    try {
      url = new URL(next, this.#origin + this.#prefix + '/')
    } catch (err) {
      throw new PlatformUnavailableError({ cause: err })
    }
    if (url.origin !== this.#origin) {
      throw upstreamFault(`pagination leads to foreign origin ${url.origin}`)
    }
    return url.pathname + url.search
  }

  /** Performs a call and returns the `data` of its success envelope. */
  async #json (call: Call): Promise<unknown> {
    const answer = await this.#send(call)
    if (answer.status < 200 || answer.status >= 300) {
      throw errorForStatus({
        request: `${call.method} ${call.path.split('?')[0] ?? ''}`,
        status: answer.status,
        headers: answer.headers,
        envelope: tryParseEnvelope(answer.text),
        notFoundIsLookup: call.notFoundIsLookup ?? false
      })
    }
    try {
      return successData(parseEnvelope(answer.text))
    } catch (err) {
      throw new PlatformUnavailableError({ cause: err })
    }
  }

  /** The HTTP exchange; every transport failure becomes a 502-class error. */
  async #send (call: Call): Promise<RawAnswer> {
    // A caller's token goes into a header as given. One no header can
    // carry (control or non-ASCII characters) is no token of the
    // platform's: refuse it here, as the platform would, rather than let
    // it reach the connection pool (it left sockets unusable).
    if (!HEADER_VALUE.test(call.authorization)) throw new PlatformUnauthorizedError()
    try {
      const response = await this.#pool.request({
        method: call.method,
        path: call.path,
        headers: this.#headers(call),
        body: call.body === undefined ? null : JSON.stringify(call.body),
        signal: AbortSignal.timeout(this.#timeoutMs)
      })
      const text = response.statusCode >= 500
        ? await this.#discard(response.body)
        : await readLimitedText(response.body, this.#maxBodyBytes)
      return { status: response.statusCode, headers: response.headers, text }
    } catch (err) {
      throw new PlatformUnavailableError({ cause: err })
    }
  }

  /** 5xx bodies are never shown, only drained so the socket is reused. */
  async #discard (body: { dump(): Promise<void> }): Promise<string> {
    await body.dump()
    return ''
  }

  #headers (call: Call): Record<string, string> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: call.authorization
    }
    if (call.body !== undefined) headers['content-type'] = 'application/json'
    return headers
  }
}
