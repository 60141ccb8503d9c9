import { readFileSync } from 'node:fs'
import t from 'tap'
import * as errors from '../src/errors.js'

const docs = readFileSync(new URL('../../../docs/channels.md', import.meta.url), 'utf8')

t.test('worker error codes are unique, well formed and documented', async (t) => {
  const codes = errors.WORKER_ERROR_CODES
  t.equal(new Set(codes).size, codes.length)
  for (const code of codes) {
    t.match(code, /^HERALD_ERR_(WORKER|CHANNEL)_[A-Z_]+$/)
    t.ok(docs.includes(code), `${code} is in docs/channels.md`)
  }
})

t.test('every error class carries a listed code', async (t) => {
  const samples = [
    new errors.DeliveryBusyError('d'),
    new errors.NoServiceTokenError('c'),
    new errors.MissingCredentialsError('twilio'),
    new errors.InvalidRecipientError('r'),
    new errors.UnknownProviderError('sms', null),
    new errors.NoSenderError(),
    new errors.ProviderUnreachableError('expo', new Error('x')),
    new errors.ProviderRefusedError({ provider: 'p', detail: 'd' }),
    new errors.ReceiptPendingError('t')
  ]
  t.same(samples.map((e) => e.code).sort(), [...errors.WORKER_ERROR_CODES].sort())
  const wrapped = new errors.ProviderUnreachableError('expo', new Error('cause'))
  t.equal((wrapped.cause as Error).message, 'cause')
  t.equal(new errors.MissingCredentialsError('twilio').message, 'the company has no twilio credentials')
})
