import t from 'tap'
import { redactPaths } from '../src/index.js'
import { captureLogger } from './helpers.js'

const EMAIL = 'lina.okafor@example.org'
const MASKED_EMAIL = 'l***@e***.org'
const PHONE = '+15550100777'
const MASKED_PHONE = '+1*******777'
const TOKEN = 'tok_9f8e7d6c5b4a39281706'
const SECRET = 'whsec_0a1b2c3d4e5f60718293'

t.test('credentials are redacted wherever they appear', async (t) => {
  const { logger, raw, lines } = captureLogger()
  logger.info({ token: TOKEN, secret: SECRET }, 'top level')
  logger.info({ company: { token: TOKEN, secret: SECRET } }, 'nested')
  logger.info({ req: { headers: { authorization: `Token ${TOKEN}` } } },
    'request')
  logger.info({ headers: { authorization: `Secret ${SECRET}` } }, 'headers')
  logger.info({
    password: 'hunter2hunter2',
    user: { password: 'hunter2hunter2' },
    serviceToken: TOKEN,
    webhookSecret: SECRET,
    credentials: { apiKey: SECRET },
    channel: { credentials: { apiKey: SECRET } }
  }, 'everything')

  const output = raw()
  t.notOk(output.includes(TOKEN), 'token never written')
  t.notOk(output.includes(SECRET), 'secret never written')
  t.notOk(output.includes('hunter2'), 'password never written')
  const [top, nested, request, headers, all] = lines()
  t.match(top, { token: '[redacted]', secret: '[redacted]' })
  t.match(nested, { company: { token: '[redacted]', secret: '[redacted]' } })
  t.match(request, { req: { headers: { authorization: '[redacted]' } } })
  t.match(headers, { headers: { authorization: '[redacted]' } })
  t.match(all, {
    password: '[redacted]',
    user: { password: '[redacted]' },
    serviceToken: '[redacted]',
    webhookSecret: '[redacted]',
    credentials: '[redacted]',
    channel: { credentials: '[redacted]' }
  })
})

t.test('personal data is masked, not removed', async (t) => {
  const { logger, raw, lines } = captureLogger()
  logger.info({ email: EMAIL, phone: PHONE, mobile: PHONE }, 'top level')
  logger.info({ delivery: { to: EMAIL, recipient: PHONE } }, 'nested')
  logger.info({ to: [EMAIL, PHONE] }, 'many recipients')
  logger.info({ user: { email: EMAIL, mobile: PHONE, id: 7 } }, 'user')

  const output = raw()
  t.notOk(output.includes(EMAIL), 'full email never written')
  t.notOk(output.includes(PHONE), 'full phone never written')
  t.notOk(output.includes('lina.okafor'), 'local part never written')
  const [top, nested, many, user] = lines()
  t.match(top, { email: MASKED_EMAIL, phone: MASKED_PHONE,
    mobile: MASKED_PHONE, msg: 'top level' })
  t.match(nested, { delivery: { to: MASKED_EMAIL, recipient: MASKED_PHONE } })
  t.same(many?.to, [MASKED_EMAIL, MASKED_PHONE])
  t.match(user, { user: { email: MASKED_EMAIL, mobile: MASKED_PHONE, id: 7 } })
})

t.test('the caller\'s object is not mutated', async (t) => {
  const { logger } = captureLogger()
  const entry = { email: EMAIL, delivery: { to: PHONE } }
  logger.info(entry, 'sent')
  t.same(entry, { email: EMAIL, delivery: { to: PHONE } })
})

t.test('an address object under a masked name is redacted', async (t) => {
  const { logger, raw, lines } = captureLogger()
  logger.info({ to: { name: 'Lina', address: EMAIL } }, 'sent')
  t.notOk(raw().includes(EMAIL))
  t.equal(lines()[0]?.to, '[redacted]')
})

t.test('child logger bindings are masked and redacted', async (t) => {
  const { logger, raw, lines } = captureLogger()
  const bindings = { recipient: EMAIL, token: TOKEN, jobId: 'j1' }
  const child = logger.child(bindings)
  child.info('delivery sent')
  t.notOk(raw().includes(EMAIL))
  t.notOk(raw().includes(TOKEN))
  t.match(lines()[0], {
    recipient: MASKED_EMAIL,
    token: '[redacted]',
    jobId: 'j1',
    msg: 'delivery sent'
  })
})

t.test('nested child bindings are masked', async (t) => {
  const { logger, raw, lines } = captureLogger()
  const child = logger.child({ user: { email: EMAIL, mobile: PHONE } })
  child.info('otp sent')
  t.notOk(raw().includes(EMAIL))
  t.notOk(raw().includes(PHONE))
  t.match(lines()[0], { user: { email: MASKED_EMAIL, mobile: MASKED_PHONE } })
})

t.test('errors keep their message and stack', async (t) => {
  const { logger, lines } = captureLogger()
  logger.error({ err: new Error('boom'), email: EMAIL }, 'delivery failed')
  const [line] = lines()
  t.match(line, { err: { type: 'Error', message: 'boom' },
    email: MASKED_EMAIL })
  t.type((line?.err as { stack?: unknown }).stack, 'string')
})

t.test('level filtering', async (t) => {
  const { logger, lines } = captureLogger({ level: 'warn', name: 'worker' })
  logger.debug('hidden debug')
  logger.info('hidden info')
  logger.warn('shown warn')
  logger.error('shown error')
  t.same(lines().map((line) => line.msg), ['shown warn', 'shown error'])
  t.equal(lines()[0]?.name, 'worker')
  t.equal(lines()[0]?.level, 40)
})

t.test('default level is info', async (t) => {
  const { logger, lines } = captureLogger()
  t.equal(logger.level, 'info')
  logger.debug('hidden')
  logger.info('shown')
  t.same(lines().map((line) => line.msg), ['shown'])
})

t.test('redactPaths lists the credential fields', async (t) => {
  for (const path of ['req.headers.authorization', 'token', '*.secret',
    'serviceToken', 'webhookSecret', '*.credentials']) {
    t.ok(redactPaths.includes(path), path)
  }
})
