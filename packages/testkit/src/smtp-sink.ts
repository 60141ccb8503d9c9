import type { AddressInfo, Socket } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import type {
  SMTPServerAuthentication,
  SMTPServerAuthenticationResponse,
  SMTPServerDataStream,
  SMTPServerSession
} from 'smtp-server'
import { SinkClosedError, SinkTimeoutError } from './sink-errors.js'
import { toSinkMessage } from './sink-message.js'
import type { SinkEnvelope, SinkMessage } from './sink-message.js'
import { replyError } from './sink-reply.js'
import type { SinkReply, SmtpReplyError } from './sink-reply.js'

/** Decides the reply to one DATA transaction (1-based `attempt`). */
export type SinkReplyFn = (
  attempt: number,
  envelope: SinkEnvelope
) => SinkReply | Promise<SinkReply>

/** Runs when a message's DATA starts streaming, before any reply. */
export type SinkDataStartFn = (attempt: number) => void | Promise<void>

/** An SMTP server for tests that records what it accepts. */
export interface SmtpSink {
  readonly port: number
  readonly host: string
  /** Accepted messages only, in order of acceptance. */
  readonly messages: SinkMessage[]
  /**
   * Decide the reply for each message; default always 250. Called with the
   * 1-based index of the DATA transaction.
   */
  setReply (fn: SinkReplyFn): void
  /**
   * Called when a message's DATA starts streaming (before it is accepted):
   * lets a test kill a worker mid-send.
   */
  onDataStart (fn: SinkDataStartFn): void
  /**
   * Resolve with the accepted messages once there are at least `count`;
   * reject with `HERALD_ERR_TESTKIT_SINK_TIMEOUT` after `timeoutMs`
   * (default 5000).
   */
  waitForMessages (count: number, timeoutMs?: number): Promise<SinkMessage[]>
  /** DATA transactions seen, accepted or not. */
  readonly attempts: number
  /** AUTH commands seen, accepted or refused. */
  readonly authAttempts: number
  /** Forget messages and both attempt counts; back to accepting everything. */
  reset (): void
  /** Stop listening and drop open connections. Idempotent. */
  close (): Promise<void>
}

/** Options of {@link startSmtpSink}. */
export interface SmtpSinkOptions {
  /** Default 0: a free port, read it from `sink.port`. */
  port?: number
  /** Default `'127.0.0.1'`. */
  host?: string
  /** Called with each accepted message, e.g. to print it. */
  onMessage?: (message: SinkMessage) => void
  /**
   * The only username / password pairs AUTH accepts; any other login is
   * refused with 535, as a server refuses bad credentials. Default: any
   * login accepted. Logging in stays optional either way.
   */
  users?: Readonly<Record<string, string>>
}

const DEFAULT_WAIT_MS = 5000

interface Waiter {
  count: number
  resolve: (messages: SinkMessage[]) => void
  reject: (err: Error) => void
  timer: NodeJS.Timeout
}

function acceptAll (): SinkReply {
  return { code: 250 }
}

/** Start an SMTP sink: no TLS, any or no authentication accepted. */
export async function startSmtpSink (
  options: SmtpSinkOptions = {}
): Promise<SmtpSink> {
  const sink = new SmtpSinkServer(options.onMessage, options.users)
  await sink.listen(options.port ?? 0, options.host ?? '127.0.0.1')
  return sink
}

class SmtpSinkServer implements SmtpSink {
  readonly messages: SinkMessage[] = []
  #attempts = 0
  #authAttempts = 0
  #port = 0
  #host = ''
  #reply: SinkReplyFn = acceptAll
  #dataStart: SinkDataStartFn | undefined
  readonly #waiters = new Set<Waiter>()
  readonly #sockets = new Set<Socket>()
  readonly #server: SMTPServer
  readonly #onMessage: ((message: SinkMessage) => void) | undefined
  #closed: Promise<void> | undefined

  constructor (
    onMessage?: (message: SinkMessage) => void,
    users?: Readonly<Record<string, string>>
  ) {
    this.#onMessage = onMessage
    const login = users ? onlyUsers(users) : acceptAnyUser
    this.#server = new SMTPServer({
      logger: false,
      authOptional: true,
      allowInsecureAuth: true,
      // a plain-text sink: clients must not try to upgrade
      disabledCommands: ['STARTTLS'],
      onAuth: (auth, session, callback) => {
        this.#authAttempts++
        login(auth, session, callback)
      },
      onData: (stream, session, callback) => {
        this.#handleData(stream, session).then(
          () => { callback(null, 'OK: message queued') },
          (err: unknown) => { callback(asReplyError(err)) }
        )
      }
    })
    // A client that dies mid-transaction (a worker killed mid-send) resets
    // its socket and smtp-server emits the ECONNRESET here; unhandled it
    // would crash the test process. The transaction is simply not recorded.
    // Listen failures still reach listen() through the net server.
    this.#server.on('error', ignoreClientError)
    this.#server.server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket)
      socket.once('close', () => this.#sockets.delete(socket))
    })
  }

  get port (): number { return this.#port }
  get host (): string { return this.#host }
  get attempts (): number { return this.#attempts }
  get authAttempts (): number { return this.#authAttempts }

  listen (port: number, host: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.server.once('error', reject)
      this.#server.listen(port, host, () => {
        this.#server.server.off('error', reject)
        this.#port = portOf(this.#server.server.address())
        this.#host = host
        resolve()
      })
    })
  }

  setReply (fn: SinkReplyFn): void {
    this.#reply = fn
  }

  onDataStart (fn: SinkDataStartFn): void {
    this.#dataStart = fn
  }

  waitForMessages (
    count: number,
    timeoutMs = DEFAULT_WAIT_MS
  ): Promise<SinkMessage[]> {
    if (this.messages.length >= count) {
      return Promise.resolve([...this.messages])
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { count, resolve, reject, timer: setTimeout(() => {
        this.#waiters.delete(waiter)
        reject(new SinkTimeoutError(count, this.messages.length, timeoutMs))
      }, timeoutMs) }
      this.#waiters.add(waiter)
    })
  }

  /** Pending waiters keep waiting, counting from the reset. */
  reset (): void {
    this.messages.length = 0
    this.#attempts = 0
    this.#authAttempts = 0
    this.#reply = acceptAll
    this.#dataStart = undefined
  }

  close (): Promise<void> {
    this.#closed ??= this.#close()
    return this.#closed
  }

  async #close (): Promise<void> {
    for (const waiter of this.#waiters) {
      clearTimeout(waiter.timer)
      waiter.reject(new SinkClosedError(waiter.count, this.messages.length))
    }
    this.#waiters.clear()
    const closed = new Promise<void>((resolve) => {
      this.#server.close(resolve)
    })
    // a client holding a pooled connection would otherwise keep the server
    // open for smtp-server's 30 s close timeout
    for (const socket of this.#sockets) socket.destroy()
    await closed
  }

  async #handleData (
    stream: SMTPServerDataStream,
    session: SMTPServerSession
  ): Promise<void> {
    const attempt = ++this.#attempts
    const envelope = envelopeOf(session)
    // start reading at once so the hook cannot stall the client's DATA
    const body = readAll(stream)
    await this.#dataStart?.(attempt)
    const raw = await body
    const reply = await this.#reply(attempt, envelope)
    if (reply.code !== 250) throw replyError(reply)
    const parsed = await simpleParser(raw)
    this.#accept(toSinkMessage(parsed, raw.toString('utf8'), envelope))
  }

  #accept (message: SinkMessage): void {
    this.messages.push(message)
    this.#onMessage?.(message)
    for (const waiter of this.#waiters) {
      if (this.messages.length < waiter.count) continue
      clearTimeout(waiter.timer)
      this.#waiters.delete(waiter)
      waiter.resolve([...this.messages])
    }
  }
}

function ignoreClientError (): void {}

type AuthCallback = (
  err: Error | null | undefined,
  response?: SMTPServerAuthenticationResponse
) => void

type AuthHandler = (
  auth: SMTPServerAuthentication,
  session: SMTPServerSession,
  callback: AuthCallback
) => void

function acceptAnyUser (
  auth: SMTPServerAuthentication,
  _session: SMTPServerSession,
  callback: AuthCallback
): void {
  callback(null, { user: auth.username ?? 'anonymous' })
}

/** smtp-server answers an onAuth error without a responseCode with 535. */
function onlyUsers (users: Readonly<Record<string, string>>): AuthHandler {
  return function checkLogin (auth, _session, callback) {
    const username = auth.username ?? ''
    if (Object.hasOwn(users, username) && users[username] === auth.password) {
      callback(null, { user: username })
      return
    }
    callback(new Error('Authentication credentials invalid'))
  }
}

function envelopeOf (session: SMTPServerSession): SinkEnvelope {
  const { mailFrom, rcptTo } = session.envelope
  return {
    mailFrom: mailFrom === false ? '' : mailFrom.address,
    rcptTo: rcptTo.map((recipient) => recipient.address)
  }
}

function readAll (stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.once('end', () => resolve(Buffer.concat(chunks)))
    stream.once('error', reject)
  })
}

/** A failure of a test hook becomes a transient 451, keeping the cause. */
function asReplyError (err: unknown): SmtpReplyError {
  if (isReplyError(err)) return err
  const reason = err instanceof Error ? err.message : String(err)
  return Object.assign(
    new Error(`smtp sink: ${reason}`, { cause: err }),
    { responseCode: 451 }
  )
}

function isReplyError (err: unknown): err is SmtpReplyError {
  return err instanceof Error && 'responseCode' in err &&
    typeof err.responseCode === 'number'
}

function portOf (address: AddressInfo | string | null): number {
  if (address === null || typeof address === 'string') {
    throw new Error('smtp sink: not listening on a TCP port')
  }
  return address.port
}
