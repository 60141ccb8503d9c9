import t from 'tap'
import { Writable } from 'node:stream'
import { createLogger } from '@herald/log'
import { TEST_ENCRYPTION_KEY } from '@herald/testkit'
import { buildApp } from '../../api/src/app.js'
import { startWorker } from '../src/worker.js'
import { lina, startChannelStack } from './channel-stack.js'
import { transactionEvent } from './helpers.js'

const BOARD_PASSWORD = 'board-password-never-logged'
const METRICS_TOKEN = 'metrics-token-never-logged'
const REFUSED = 'refused.person@example.net'
const RESENT_TO = 'other.person@example.com'

/** Every log line written to it, kept in memory. */
function memoryLog (): { lines: string[], destination: Writable } {
  const lines: string[] = []
  const destination = new Writable({
    write (chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean))
      done()
    }
  })
  return { lines, destination }
}

t.test('a representative run logs no token, secret, address or number', async (t) => {
  const s = await startChannelStack(t)
  const { lines, destination } = memoryLog()
  const logger = createLogger({ level: 'trace', destination })
  const config = {
    ...s.config,
    BULL_BOARD_USER: 'operator',
    BULL_BOARD_PASSWORD: BOARD_PASSWORD,
    METRICS_TOKEN
  }
  const app = await buildApp({ config, logger: logger.child({ name: 'api' }) })
  t.teardown(() => app.close())
  const base = config.API_BASE_PATH
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, authorization?: string, payload?: object) =>
    app.inject({
      method,
      url: url.startsWith('/') && !url.startsWith(base) && !url.startsWith('/admin/queues') &&
        url !== '/metrics' ? `${base}${url}` : url,
      headers: authorization ? { authorization } : {},
      ...(payload ? { payload } : {})
    })

  await s.useTwilio()
  const admin = `Token ${s.tokens.admin}`
  t.equal((await call('POST', '/activate/', undefined, { token: s.tokens.service })).statusCode, 200)
  for (const payload of [
    { type: 'email', name: 'mail', event: 'transaction.execute', to_email: '{{ user.email }}', subject: 'Hi' },
    { type: 'email', name: 'refused', event: 'transaction.execute', to_email: REFUSED, subject: 'No' }
  ]) {
    t.equal((await call('POST', '/admin/notifications/', admin, payload)).statusCode, 201)
  }
  await s.notify({ type: 'sms', smsMessage: 'Sent {{ amount|money:2 }}' })
  s.sink.setReply((_attempt, envelope) => envelope.rcptTo.includes(REFUSED)
    ? { code: 550, message: `5.1.1 <${REFUSED}>: Recipient address rejected` }
    : { code: 250 })
  const worker = startWorker(config, logger.child({ name: 'worker' }))
  t.teardown(() => worker.close())

  const webhook = (secret: string) => call('POST', '/webhook/', `Secret ${secret}`, {
    ...transactionEvent, company: s.companyId
  })
  t.equal((await webhook(s.secret)).statusCode, 200)
  t.equal((await webhook(`${s.secret}x`)).statusCode, 400)
  const rows = await s.settled(3)
  t.same(rows.map((r) => r.status).sort(), ['failed', 'sent', 'sent'])

  const logs = await call('GET', `/admin/logs/?recipient=${encodeURIComponent('lina.okafor@example.org')}`, admin)
  t.equal(logs.statusCode, 200)
  t.equal((await call('GET', `/admin/logs/?recipient__contains=${encodeURIComponent(lina.mobile)}`, admin)).statusCode, 200)
  const sent = rows.find((r) => r.status === 'sent' && r.type === 'email')
  t.equal((await call('POST', `/admin/logs/${sent?.id}/send/`, admin, { recipient: RESENT_TO })).statusCode, 200)
  t.equal((await call('GET', '/user/logs/', `Token ${s.tokens.user}`)).statusCode, 200)
  t.equal((await call('GET', '/admin/notifications/', 'Token wrong-token-never-logged')).statusCode, 401)
  const basic = Buffer.from(`operator:${BOARD_PASSWORD}`).toString('base64')
  t.equal((await call('GET', '/admin/queues/api/queues', `Basic ${basic}`)).statusCode, 200)
  t.equal((await call('GET', '/metrics', `Bearer ${METRICS_TOKEN}`)).statusCode, 200)
  await s.sink.waitForMessages(2)

  t.ok(lines.length > 20, `${lines.length} lines captured`)
  t.ok(lines.some((l) => l.includes('"msg":"delivery sent"')), 'deliveries were logged')
  t.ok(lines.some((l) => l.includes('"msg":"delivery failed"')), 'the refusal was logged')
  const forbidden = {
    'service token': s.tokens.service,
    'admin token': s.tokens.admin,
    'user token': s.tokens.user,
    'unknown token': 'wrong-token-never-logged',
    'webhook secret': s.secret,
    'encryption key': TEST_ENCRYPTION_KEY,
    'twilio auth token': s.twilio.authToken,
    'board password': BOARD_PASSWORD,
    'metrics token': METRICS_TOKEN,
    "lina's address": 'lina.okafor',
    'refused address': 'refused.person',
    'resend address': 'other.person',
    "lina's number": lina.mobile.slice(1),
    'push token': 'sim-lina-0001'
  }
  for (const [what, value] of Object.entries(forbidden)) {
    const leaks = lines.filter((l) => l.includes(value) ||
      l.includes(encodeURIComponent(value)))
    t.same(leaks.slice(0, 2), [], `no ${what} in the logs`)
  }
})
