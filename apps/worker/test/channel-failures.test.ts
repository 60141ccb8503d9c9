import { createServer, type Socket } from 'node:net'
import t from 'tap'
import type { Test } from 'tap'
import { startSmtpSink } from '@herald/testkit'
import { eventually } from './helpers.js'
import { lina, startChannelStack, type ChannelStack } from './channel-stack.js'

/** Settles and returns the company's only delivery. */
async function only (s: ChannelStack) {
  const [row] = await s.settled(1)
  if (!row) throw new Error('no delivery')
  return row
}

async function smsStack (t: Test, overrides: Record<string, string> = {}) {
  const s = await startChannelStack(t, overrides)
  await s.useTwilio()
  await s.notify({ type: 'sms', smsMessage: 'hi' })
  return s
}

async function pushStack (t: Test) {
  const s = await startChannelStack(t)
  await s.enablePush()
  await s.notify({ type: 'push', pushMessage: 'hi' })
  return s
}

/** Push to Lina's browser only: her Expo token is retired beforehand. */
async function browserStack (t: Test) {
  const s = await startChannelStack(t)
  await s.enablePush()
  await s.app.db.retiredPushToken.create({
    data: { companyId: s.companyId, token: lina.expoToken, reason: 'test' }
  })
  const sub = await s.subscribeBrowser()
  await s.notify({ type: 'push', pushMessage: 'hi' })
  return { s, sub }
}

const paidEmail = {
  type: 'email', toEmail: '{{ user.email }}', subject: 'Paid', textMessage: 'hi'
} as const

/** Email through SendGrid, with the stand-in's key unless told another. */
async function sendGridStack (
  t: Test,
  overrides: Record<string, string> = {},
  apiKey?: string
) {
  const s = await startChannelStack(t, overrides)
  await s.setCredentials('sendgrid', { api_key: apiKey ?? s.sendgrid.apiKey })
  await s.notify(paidEmail)
  return s
}

const sendGridDown = {
  status: 503,
  body: { errors: [{ message: 'Service Unavailable', field: null, help: null }] }
}
const sendGridBusy = {
  status: 429,
  headers: { 'retry-after': '1' },
  body: { errors: [{ message: 'too many requests', field: null, help: null }] }
}

/** The row is the only one, nothing reached SendGrid or the SMTP server. */
async function nothingMailed (t: Test, s: ChannelStack) {
  t.equal(s.sendgrid.mails.length, 0, 'SendGrid accepted nothing')
  t.equal(s.sink.attempts, 0, 'no fallback to the default SMTP server')
  t.equal((await s.deliveries()).length, 1)
}

t.test('SMS: bad credentials fail at once, without retry', async (t) => {
  const s = await startChannelStack(t)
  await s.setCredentials('twilio', {
    account_sid: s.twilio.accountSid, auth_token: 'wrong', from_number: '+15550000001'
  })
  await s.notify({ type: 'sms', smsMessage: 'hi' })
  s.startWorker()
  await s.sendEvent()
  const row = await only(s)
  t.same([row.status, row.attempts], ['failed', 1])
  t.match(row.errorMessage, /^provider refused the credentials: twilio \(401\) 20003/)
  t.equal(s.twilio.attempts, 1)
})

t.test('SMS: a number Twilio cannot reach fails at once', async (t) => {
  const s = await smsStack(t)
  s.twilio.rejectNumber(lina.mobile, 21211)
  s.startWorker()
  await s.sendEvent()
  const row = await only(s)
  t.same([row.status, row.attempts], ['failed', 1])
  t.match(row.errorMessage, /^invalid or unreachable number: twilio \(400\) 21211/)
  t.equal(s.twilio.attempts, 1)
  t.equal(s.twilio.messages.length, 0)
})

t.test('SMS: 429 and 503 are retried until Twilio accepts, once', async (t) => {
  const s = await smsStack(t)
  s.twilio.setReply((attempt) => attempt === 1
    ? { status: 429, body: { code: 20429, message: 'Too Many Requests' } }
    : attempt === 2 ? { status: 503 } : undefined)
  s.startWorker()
  await s.sendEvent()
  await s.twilio.waitForMessages(1)
  const row = await only(s)
  t.same([row.status, row.attempts], ['sent', 3])
  t.equal(s.twilio.attempts, 3)
  t.equal(s.twilio.messages.length, 1)
})

t.test('SMS: a provider that keeps failing ends failed after the attempts', async (t) => {
  const s = await smsStack(t, { DELIVERY_ATTEMPTS: '3' })
  s.twilio.setReply(() => ({ status: 500 }))
  s.startWorker()
  await s.sendEvent()
  const row = await only(s)
  t.same([row.status, row.attempts], ['failed', 3])
  t.match(row.errorMessage, /^provider failed: twilio \(500\)/)
  t.equal(s.twilio.attempts, 3)
  const failed = await s.app.queues.deliveries.getJobs(['failed'])
  t.equal(failed.length, 1, 'the failed job stays visible')
})

t.test('SMS: connection refused is transient and retried', async (t) => {
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const address = closed.address()
  await new Promise((resolve) => closed.close(resolve))
  if (!address || typeof address === 'string') throw new Error('no port')
  const s = await smsStack(t, {
    TWILIO_API_URL: `http://127.0.0.1:${address.port}`, DELIVERY_ATTEMPTS: '2'
  })
  s.startWorker()
  await s.sendEvent()
  const row = await only(s)
  t.same([row.status, row.attempts], ['failed', 2])
  t.match(row.errorMessage, /^connection to provider failed: twilio unreachable/)
})

t.test('SMS: a provider that never answers times out and is retried', async (t) => {
  const sockets = new Set<Socket>()
  const silent = createServer((socket) => { sockets.add(socket) })
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  t.teardown(() => {
    for (const socket of sockets) socket.destroy()
    return new Promise((resolve) => silent.close(resolve))
  })
  const address = silent.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  const s = await smsStack(t, {
    TWILIO_API_URL: `http://127.0.0.1:${address.port}`,
    DELIVERY_ATTEMPTS: '2',
    PROVIDER_TIMEOUT_MS: '300'
  })
  s.startWorker()
  await s.sendEvent()
  const row = await only(s)
  t.same([row.status, row.attempts], ['failed', 2])
  t.match(row.errorMessage, /^connection to provider failed: twilio unreachable/)
})

t.test('Expo: DeviceNotRegistered fails at once and retires the token', async (t) => {
  const s = await pushStack(t)
  s.expo.unregister(lina.expoToken)
  s.startWorker()
  await s.sendEvent()
  const row = await only(s)
  t.same([row.status, row.attempts, row.provider], ['failed', 1, 'expo'])
  t.match(row.errorMessage, /^device no longer registered: expo DeviceNotRegistered/)
  const retired = await s.app.db.retiredPushToken.findMany({ where: { companyId: s.companyId } })
  t.same(retired.map((r) => r.token), [lina.expoToken])
  await s.sendEvent('second-event')
  const rows = await s.settled(2)
  t.equal(rows[1]?.errorMessage, 'user has no push device or browser subscription',
    'a retired token is never used again')
  t.equal(s.expo.attempts, 1)
})

t.test('Expo: an error receipt turns the sent push failed and retires the token', async (t) => {
  const s = await pushStack(t)
  s.expo.failReceipt(lina.expoToken, 'DeviceNotRegistered')
  s.startWorker()
  await s.sendEvent()
  await s.expo.waitForMessages(1)
  await eventually(async () => (await s.deliveries())[0]?.status === 'failed')
  const row = await only(s)
  t.equal(row.attempts, 1)
  t.match(row.errorMessage, /^device no longer registered/)
  t.equal(await s.app.db.retiredPushToken.count({ where: { companyId: s.companyId } }), 1)
  t.equal(s.expo.messages.length, 1, 'not sent again')
})

t.test('Expo: a receipt not ready yet is asked for again', async (t) => {
  const s = await pushStack(t)
  s.expo.holdReceipts(true)
  s.startWorker()
  await s.sendEvent()
  await s.expo.waitForReceiptRequests(2)
  s.expo.holdReceipts(false)
  await s.expo.waitForReceiptRequests(3)
  const row = await only(s)
  t.same([row.status, row.attempts], ['sent', 1])
  t.equal(s.expo.messages.length, 1)
})

t.test('Web Push: 410 Gone fails at once and deletes the subscription', async (t) => {
  const { s, sub } = await browserStack(t)
  s.browser.expire(sub.endpoint)
  s.startWorker()
  await s.sendEvent()
  const row = await only(s)
  t.same([row.status, row.attempts, row.provider], ['failed', 1, 'webpush'])
  t.match(row.errorMessage, /^browser subscription gone: webpush \(410\)/)
  t.equal(await s.app.db.pushSubscription.count({ where: { companyId: s.companyId } }), 0)
  t.equal(s.browser.attempts, 1)
})

t.test('Web Push: 404 Not Found fails at once and deletes the subscription', async (t) => {
  const { s, sub } = await browserStack(t)
  s.browser.forget(sub.endpoint)
  s.startWorker()
  await s.sendEvent()
  const row = await only(s)
  t.same([row.status, row.attempts, row.provider], ['failed', 1, 'webpush'])
  t.match(row.errorMessage, /^browser subscription gone: webpush \(404\) SubscriptionGone/)
  t.equal(await s.app.db.pushSubscription.count({ where: { companyId: s.companyId } }), 0)
  t.same([s.browser.attempts, s.browser.messages.length], [1, 0])
  await s.sendEvent('second-event')
  const rows = await s.settled(2)
  t.equal(rows[1]?.errorMessage, 'user has no push device or browser subscription',
    'the deleted subscription is not pushed to again')
  t.equal(s.browser.attempts, 1)
})

t.test('Web Push: a 500 is retried and the push arrives once', async (t) => {
  const { s } = await browserStack(t)
  s.browser.setReply((attempt) => attempt === 1 ? 500 : undefined)
  s.startWorker()
  await s.sendEvent()
  await s.browser.waitForMessages(1)
  const row = await only(s)
  t.same([row.status, row.attempts], ['sent', 2])
  t.equal(s.browser.messages.length, 1)
})

t.test('SendGrid: a refused API key fails at once, without retry', async (t) => {
  const s = await sendGridStack(t, {}, 'SG.revoked')
  s.startWorker()
  await s.sendEvent()
  const row = await only(s)
  t.same([row.status, row.attempts, row.provider], ['failed', 1, 'sendgrid'])
  t.match(row.errorMessage,
    /^provider refused the credentials: sendgrid \(401\): .*invalid, expired, or revoked/)
  t.equal(s.sendgrid.attempts, 1)
  await nothingMailed(t, s)
})

t.test('SendGrid: a 5xx on every attempt ends failed after the attempts', async (t) => {
  const s = await sendGridStack(t, { DELIVERY_ATTEMPTS: '3' })
  s.sendgrid.setReply(() => sendGridDown)
  s.startWorker()
  await s.sendEvent()
  const row = await only(s)
  t.same([row.status, row.attempts], ['failed', 3])
  t.match(row.errorMessage, /^provider failed: sendgrid \(503\): .*Service Unavailable/)
  t.equal(s.sendgrid.attempts, 3)
  await nothingMailed(t, s)
  const failedJobs = () => s.app.queues.deliveries.getJobs(['failed'])
  await eventually(async () => (await failedJobs()).length === 1)
  t.pass('the failed job stays visible')
})

t.test('SendGrid: 429 and 503 are retried until SendGrid accepts, once', async (t) => {
  const s = await sendGridStack(t)
  s.sendgrid.setReply((attempt) => attempt === 1
    ? sendGridBusy
    : attempt === 2 ? sendGridDown : undefined)
  s.startWorker()
  await s.sendEvent()
  const [mail] = await s.sendgrid.waitForMails(1)
  const row = await only(s)
  t.same([row.status, row.attempts, row.errorMessage], ['sent', 3, null])
  t.equal(row.providerId, mail?.messageId)
  t.equal(s.sendgrid.attempts, 3)
  t.equal(s.sendgrid.mails.length, 1)
})

t.test('SendGrid: 429 to the last attempt ends failed as a slow-down', async (t) => {
  const s = await sendGridStack(t, { DELIVERY_ATTEMPTS: '2' })
  s.sendgrid.setReply(() => sendGridBusy)
  s.startWorker()
  await s.sendEvent()
  const row = await only(s)
  t.same([row.status, row.attempts], ['failed', 2])
  t.match(row.errorMessage, /^provider asked to slow down: sendgrid \(429\)/)
  t.equal(s.sendgrid.attempts, 2)
  await nothingMailed(t, s)
})

t.test('SMTP: a refused login (535) fails at once, without retry', async (t) => {
  const own = await startSmtpSink({ users: { herald: 'right' } })
  t.teardown(() => own.close())
  const s = await startChannelStack(t)
  await s.setCredentials('smtp', {
    host: own.host, port: String(own.port), secure: 'false',
    user: 'herald', password: 'wrong'
  })
  await s.notify(paidEmail)
  s.startWorker()
  await s.sendEvent()
  const row = await only(s)
  t.same([row.status, row.attempts, row.provider], ['failed', 1, 'smtp'])
  t.match(row.errorMessage,
    /^SMTP authentication failed: 535 Authentication credentials invalid/)
  t.equal(own.authAttempts, 1, 'one login, not retried')
  t.same([own.attempts, own.messages.length], [0, 0], 'no DATA sent')
  t.equal(s.sink.attempts, 0, 'no fallback to the default SMTP server')
})
