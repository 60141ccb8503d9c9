import t from 'tap'
import {
  InvalidRecipientError,
  MissingCredentialsError,
  ProviderRefusedError,
  ProviderUnreachableError,
  UnknownProviderError,
  NoSenderError
} from '../src/errors.js'
import { classifyFailure } from '../src/failures.js'

const refused = (status: number | undefined, providerCode?: string) =>
  new ProviderRefusedError({
    provider: 'p',
    ...(status === undefined ? {} : { status }),
    ...(providerCode === undefined ? {} : { providerCode }),
    detail: 'd'
  })

const smtp = (code: string | undefined, responseCode?: number) =>
  Object.assign(new Error('smtp said no'), { code, responseCode })

const cases: Array<[string, unknown, 'permanent' | 'transient', string]> = [
  ['SMTP 550', smtp('EMESSAGE', 550), 'permanent', 'SMTP rejected the message'],
  ['SMTP 451', smtp('EMESSAGE', 451), 'transient', 'SMTP deferred the message'],
  ['SMTP auth 535', smtp('EAUTH', 535), 'permanent', 'SMTP authentication failed'],
  ['SMTP envelope 4xx', smtp('EENVELOPE', 452), 'transient', 'SMTP deferred the message'],
  ['SMTP envelope, no reply', smtp('EENVELOPE'), 'permanent', 'SMTP refused the envelope'],
  ['SMTP connection', smtp('ECONNECTION'), 'transient', 'connection to provider failed'],
  ['SMTP timeout', smtp('ETIMEDOUT'), 'transient', 'connection to provider failed'],
  ['no credentials', new MissingCredentialsError('twilio'), 'permanent', 'provider not configured'],
  ['not E.164', new InvalidRecipientError('x'), 'permanent', 'invalid recipient'],
  ['unknown provider', new UnknownProviderError('sms', null), 'permanent', 'no channel for the provider'],
  ['no sender', new NoSenderError(), 'permanent', 'no sender address'],
  ['Twilio 21211', refused(400, '21211'), 'permanent', 'invalid or unreachable number'],
  ['Twilio 21610 opted out', refused(400, '21610'), 'permanent', 'invalid or unreachable number'],
  ['Expo DeviceNotRegistered', refused(undefined, 'DeviceNotRegistered'), 'permanent', 'device no longer registered'],
  ['Expo MessageTooBig', refused(undefined, 'MessageTooBig'), 'permanent', 'push service refused the message'],
  ['Expo MessageRateExceeded', refused(undefined, 'MessageRateExceeded'), 'transient', 'push service rate limit'],
  ['Web Push gone', refused(410, 'SubscriptionGone'), 'permanent', 'browser subscription gone'],
  ['HTTP 401', refused(401, '20003'), 'permanent', 'provider refused the credentials'],
  ['HTTP 403', refused(403), 'permanent', 'provider refused the credentials'],
  ['HTTP 429', refused(429, '20429'), 'transient', 'provider asked to slow down'],
  ['HTTP 408', refused(408), 'transient', 'provider asked to slow down'],
  ['HTTP 500', refused(500), 'transient', 'provider failed'],
  ['HTTP 503', refused(503), 'transient', 'provider failed'],
  ['HTTP 400', refused(400), 'permanent', 'provider rejected the request'],
  ['HTTP 413', refused(413), 'permanent', 'provider rejected the request'],
  ['unreachable', new ProviderUnreachableError('expo', new Error('ECONNRESET')), 'transient', 'connection to provider failed'],
  ['anything else', new Error('surprise'), 'transient', 'delivery failed'],
  ['not even an error', 'boom', 'transient', 'delivery failed']
]

for (const [name, err, expected, why] of cases) {
  t.test(`${name} is ${expected}`, async (t) => {
    const failure = classifyFailure(err)
    t.equal(failure.class, expected)
    t.equal(failure.reason.split(': ')[0], why)
  })
}

t.test('the reason keeps the provider\'s words, cut to 1000 characters', async (t) => {
  const long = new ProviderRefusedError({ provider: 'sendgrid', status: 400, detail: 'x'.repeat(2000) })
  const failure = classifyFailure(long)
  t.match(failure.reason, /^provider rejected the request: sendgrid \(400\): x+$/)
  t.ok(failure.reason.length <= 1000)
  t.equal(classifyFailure(smtp('EMESSAGE', 550)).reason, 'SMTP rejected the message: smtp said no')
})

t.test('a reason never carries NUL, which the delivery log cannot store', async (t) => {
  const err = Object.assign(new Error('getaddrinfo ENOTFOUND a\u0000b'), { code: 'ENOTFOUND' })
  const failure = classifyFailure(err)
  t.notOk(failure.reason.includes('\u0000'))
  t.match(failure.reason, /ENOTFOUND a\uFFFDb$/)
})
