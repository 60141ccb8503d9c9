import { connect, type Socket } from 'node:net'
import { ProviderUnreachableError } from '../errors.js'

/** The transport options nodemailer hands its `getSocket` hook. */
export interface SmtpTarget {
  host?: string
  port?: number
  secure?: boolean
  /** Milliseconds the TCP connect may take; nodemailer's default 2 min. */
  connectionTimeout?: number
}

/** nodemailer's `getSocket` callback: an open connection, or why not. */
export type SmtpSocketCallback = (
  err: Error | null,
  socketOptions?: { connection: Socket }
) => void

const DEFAULT_CONNECT_TIMEOUT_MS = 120_000

/**
 * Opens the TCP connection of a pooled SMTP transport with Nagle's
 * algorithm off. nodemailer writes a message in several segments and
 * leaves Nagle on: the last, small one (the end of DATA) then waits for
 * the server to acknowledge the one before, which the server delays
 * (40 ms on Linux) as it has nothing to say until the message ends. Each
 * message on a connection stalled that long, which capped a worker near
 * 8 connections / 45 ms ≈ 175 emails per second however fast the rest
 * was (BENCHMARKS.md). nodemailer has no option for it; this is its
 * `getSocket` hook (meant for proxies), and nodemailer still speaks TLS,
 * implicit or STARTTLS, over the socket handed to it.
 */
export function connectWithoutDelay (
  target: SmtpTarget,
  callback: SmtpSocketCallback
): void {
  const port = target.port ?? (target.secure === true ? 465 : 587)
  const timeoutMs = target.connectionTimeout ?? DEFAULT_CONNECT_TIMEOUT_MS
  const socket = connect({ host: target.host ?? 'localhost', port })
  socket.setTimeout(timeoutMs)
  const fail = (cause: Error): void => {
    socket.removeAllListeners('connect')
    socket.destroy()
    callback(new ProviderUnreachableError('smtp', cause))
  }
  socket.once('error', fail)
  socket.once('timeout', () => fail(Object.assign(
    new Error(`connect timed out after ${timeoutMs} ms`),
    { code: 'ETIMEDOUT' })))
  socket.once('connect', () => {
    socket.removeListener('error', fail)
    socket.removeAllListeners('timeout')
    socket.setTimeout(0)
    socket.setNoDelay(true)
    callback(null, { connection: socket })
  })
}
