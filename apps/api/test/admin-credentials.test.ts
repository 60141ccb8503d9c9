import t from 'tap'
import { readCredentials } from '@herald/db'
import { startAdmin, type ApiHarness } from './helpers.js'

const twilio = {
  credential_type: 'twilio',
  credentials: {
    account_sid: 'AC' + 'a1'.repeat(16),
    auth_token: 'twilio-auth-token-0123456789',
    from_number: '+15550100100'
  }
}
const smtp = {
  credential_type: 'smtp',
  credentials: { host: 'smtp.example.com', port: 587, user: 'mailer', password: 'pw-short', secure: false }
}

const call = (h: ApiHarness, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  h.call({ method, url, token: h.tokens.admin, ...(payload ? { payload } : {}) })

t.test('credentials are stored sealed and answered masked', async (t) => {
  const h = await startAdmin(t)
  const res = await call(h, 'POST', '/admin/credentials/', twilio)
  t.equal(res.statusCode, 201)
  const data = res.json().data
  t.same(data.credentials, {
    account_sid: twilio.credentials.account_sid,
    auth_token: 'twil…',
    from_number: '+15550100100'
  })
  t.notMatch(res.body, twilio.credentials.auth_token)
  const row = await h.app.db.credential.findFirstOrThrow({ where: { companyId: h.companyId } })
  t.notMatch(row.credentialsEnc, 'twilio-auth-token', 'nothing in clear at rest')
  t.same(await readCredentials(h.app.db, h.app.box, h.companyId, 'twilio'), twilio.credentials)
  t.equal(await readCredentials(h.app.db, h.app.box, h.companyId, 'sendgrid'), null)
  for (const url of ['/admin/credentials/', `/admin/credentials/${data.id}/`]) {
    const read = await call(h, 'GET', url)
    t.notMatch(read.body, twilio.credentials.auth_token, url)
  }
})

t.test('short secrets are masked entirely; numbers and booleans become strings', async (t) => {
  const h = await startAdmin(t)
  const data = (await call(h, 'POST', '/admin/credentials/', smtp)).json().data
  t.same(data.credentials, { host: 'smtp.example.com', port: '587', user: 'mailer', password: '***', secure: 'false' })
  t.same(await readCredentials(h.app.db, h.app.box, h.companyId, 'smtp'), {
    host: 'smtp.example.com', port: '587', user: 'mailer', password: 'pw-short', secure: 'false'
  })
})

t.test('each type is validated key by key', async (t) => {
  const h = await startAdmin(t)
  const cases: Array<[string, object, string]> = [
    ['an unknown type', { credential_type: 'pigeon', credentials: {} }, 'credential_type'],
    ['no credentials', { credential_type: 'sendgrid' }, 'credentials'],
    ['credentials not an object', { credential_type: 'sendgrid', credentials: 'key' }, 'credentials'],
    ['a nested value', { credential_type: 'sendgrid', credentials: { api_key: { a: 1 } } }, 'credentials.api_key'],
    ['sendgrid without a key', { credential_type: 'sendgrid', credentials: {} }, 'credentials.api_key'],
    ['a bad sender', { credential_type: 'sendgrid', credentials: { api_key: 'SG.x', from_email: 'nope' } }, 'credentials.from_email'],
    ['a bad account sid', { ...twilio, credentials: { ...twilio.credentials, account_sid: 'XX1' } }, 'credentials.account_sid'],
    ['a number not E.164', { ...twilio, credentials: { ...twilio.credentials, from_number: '0800 123' } }, 'credentials.from_number'],
    ['no sender number', { ...twilio, credentials: { ...twilio.credentials, from_number: undefined } }, 'credentials.from_number'],
    ['an unknown key', { credential_type: 'expo', credentials: { access_token: 't', extra: 'x' } }, 'credentials.extra'],
    ['smtp without host', { credential_type: 'smtp', credentials: { port: '25' } }, 'credentials.host'],
    ['a port that is not a number', { credential_type: 'smtp', credentials: { host: 'h', port: 'abc' } }, 'credentials.port'],
    ['webpush with a bad subject', { credential_type: 'webpush', credentials: { public_key: 'B'.repeat(87), private_key: 'k'.repeat(43), subject: 'me' } }, 'credentials.subject'],
    ['an unknown top-level field', { ...twilio, active: true }, 'active']
  ]
  for (const [name, payload, field] of cases) {
    const res = await call(h, 'POST', '/admin/credentials/', payload)
    t.equal(res.statusCode, 400, name)
    t.ok(res.json().data[field], `${name} names ${field}: ${JSON.stringify(res.json().data)}`)
  }
  t.equal(await h.app.db.credential.count({ where: { companyId: h.companyId } }), 0)
})

t.test('one credential per type', async (t) => {
  const h = await startAdmin(t)
  await call(h, 'POST', '/admin/credentials/', twilio)
  const again = await call(h, 'POST', '/admin/credentials/', twilio)
  t.equal(again.statusCode, 400)
  t.same(again.json().data, { credential_type: ['This company already has twilio credentials.'] })
})

t.test('sending the masked form back keeps the secret; PATCH merges keys', async (t) => {
  const h = await startAdmin(t)
  const read = (await call(h, 'POST', '/admin/credentials/', twilio)).json().data
  const url = `/admin/credentials/${read.id}/`
  const put = await call(h, 'PUT', url, {
    ...read, credentials: { ...read.credentials, from_number: '+15550100200' }
  })
  t.equal(put.statusCode, 200)
  t.same(await readCredentials(h.app.db, h.app.box, h.companyId, 'twilio'), {
    ...twilio.credentials, from_number: '+15550100200'
  })
  const patch = await call(h, 'PATCH', url, { credentials: { auth_token: 'a-brand-new-token-42' } })
  t.equal(patch.json().data.credentials.auth_token, 'a-br…')
  t.same(await readCredentials(h.app.db, h.app.box, h.companyId, 'twilio'), {
    ...twilio.credentials, from_number: '+15550100200', auth_token: 'a-brand-new-token-42'
  })
  const bad = await call(h, 'PATCH', url, { credentials: { from_number: 'x' } })
  t.equal(bad.statusCode, 400)
})

t.test('credentials list, filter, and stay within the company', async (t) => {
  const a = await startAdmin(t)
  const b = await startAdmin(t)
  await call(a, 'POST', '/admin/credentials/', twilio)
  await call(a, 'POST', '/admin/credentials/', smtp)
  const { id: foreign } = (await call(b, 'POST', '/admin/credentials/', twilio)).json().data
  t.equal((await call(a, 'GET', '/admin/credentials/')).json().data.count, 2)
  t.equal((await call(a, 'GET', '/admin/credentials/?credential_type=smtp')).json().data.count, 1)
  for (const method of ['GET', 'PUT', 'PATCH', 'DELETE'] as const) {
    const res = await call(a, method, `/admin/credentials/${foreign}/`,
      method === 'PUT' || method === 'PATCH' ? twilio : undefined)
    t.equal(res.statusCode, 404, method)
    t.notMatch(res.body, 'AC')
  }
  const mine = (await call(a, 'GET', '/admin/credentials/?credential_type=smtp')).json().data.results[0]
  t.same((await call(a, 'DELETE', `/admin/credentials/${mine.id}/`)).json(), { status: 'success' })
  t.equal(await readCredentials(a.app.db, a.app.box, a.companyId, 'smtp'), null)
})
