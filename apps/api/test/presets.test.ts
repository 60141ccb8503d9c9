import t from 'tap'
import { readFileSync } from 'node:fs'
import { createRenderer } from '@herald/templates'
import { LAYOUT_PRESETS, NOTIFICATION_PRESETS } from '../src/presets/index.js'
import { startAdmin } from './helpers.js'

const fixture = (name: string) => JSON.parse(readFileSync(new URL(
  `../../../packages/simulator/fixtures/${name}`, import.meta.url
), 'utf8')) as { data: Record<string, unknown> }

const company = { context: { company: { id: 'northwind', name: 'Northwind Wallet', system_email: 'no-reply@northwind.example' } } }
const tx = fixture('webhook-transaction-execute.json').data
const resetData = fixture('webhook-user-password-reset.json').data
const user = resetData.user as Record<string, unknown>

/** Event data in the platform's shapes (spec §3) for every preset event. */
const dataFor: Record<string, Record<string, unknown>> = {
  'user.password.reset': resetData,
  'user.password.set': { ...resetData, url: 'https://wallet.example/set/?uid=1&token=2' },
  'user.email.verify': { key: 'k-4411', url: 'https://wallet.example/verify/?key=k-4411', email: 'lina.okafor@example.org', user },
  'user.mobile.verify': fixture('webhook-user-mobile-verify.json').data,
  'mfa.sms.verify': { token: '551203', mobile: '+15550100777', user },
  'user.create': fixture('webhook-user-create.json').data,
  'transaction.execute': tx,
  'transaction.initiate': { ...tx, status: 'Pending' },
  'transaction.update': { ...tx, status: 'Failed', original_transaction: { ...tx, status: 'Pending' } }
}

const bodyFields = ['subject', 'html_message', 'text_message', 'sms_message', 'push_message'] as const
const recipientFields = ['to_email', 'to_mobile', 'to_user'] as const

t.test('the presets cover the day-one events in sensible channels', async (t) => {
  const has = (id: string) => NOTIFICATION_PRESETS.some((p) => p.id === id)
  for (const id of [
    'password-reset-email', 'password-set-email', 'email-verify-email',
    'mobile-verify-sms', 'mfa-sms', 'welcome-email', 'welcome-push',
    'transaction-credit-email', 'transaction-credit-sms', 'transaction-credit-push',
    'transaction-debit-email', 'transaction-debit-sms', 'transaction-debit-push',
    'transaction-initiated-email', 'transaction-initiated-push',
    'transaction-failed-email', 'transaction-failed-sms', 'transaction-failed-push'
  ]) t.ok(has(id), id)
  t.equal(new Set(NOTIFICATION_PRESETS.map((p) => p.id)).size, NOTIFICATION_PRESETS.length, 'ids are unique')
})

t.test('every preset renders the platform\'s event data without gaps', async (t) => {
  const renderer = createRenderer()
  for (const preset of NOTIFICATION_PRESETS) {
    const data = dataFor[preset.event]
    if (!t.ok(data, `${preset.id} has sample data`) || !data) continue
    const context = { ...data, ...company }
    for (const field of [...bodyFields, ...recipientFields]) {
      const source = preset[field]
      if (!source) continue
      const out = await renderer.render(source, context, { autoescape: field === 'html_message' })
      t.ok(out.trim(), `${preset.id}.${field} renders`)
      t.notMatch(out, /\{\{|\{%/, `${preset.id}.${field} leaves no tags`)
    }
  }
})

t.test('rendered presets say what happened', async (t) => {
  const renderer = createRenderer()
  const render = (id: string, field: typeof bodyFields[number] | typeof recipientFields[number]) => {
    const preset = NOTIFICATION_PRESETS.find((p) => p.id === id)
    if (!preset) throw new Error(`no preset ${id}`)
    return renderer.render(preset[field], { ...dataFor[preset.event], ...company })
  }
  t.equal(await render('transaction-debit-email', 'subject'), 'You sent ₦1500.75')
  t.equal(await render('transaction-debit-email', 'to_email'), 'lina.okafor@example.org')
  t.match(await render('transaction-debit-sms', 'sms_message'), 'you sent ₦1500.75 NGN. Balance: ₦8498.00.')
  t.match(await render('password-reset-email', 'text_message'), resetData.url as string)
  t.equal(await render('mobile-verify-sms', 'sms_message'), 'Your Northwind Wallet verification code is 730219.')
  t.equal(await render('mobile-verify-sms', 'to_mobile'), '+15550100777')
  t.equal(await render('welcome-email', 'to_email'), 'tomas.ruiz@example.net')
  t.equal(await render('welcome-push', 'push_message'), 'Welcome to Northwind Wallet, Tomás!')
  t.match(await render('transaction-failed-email', 'subject'), /failed$/)
})

t.test('short presets fit an SMS or a push', async (t) => {
  for (const preset of NOTIFICATION_PRESETS) {
    t.ok(preset.sms_message.length <= 300 && preset.push_message.length <= 300, preset.id)
  }
})

t.test('presets are listed, filtered, paged and read by id', async (t) => {
  const h = await startAdmin(t)
  const get = (url: string) => h.call({ method: 'GET', url, token: h.tokens.admin })
  const all = (await get('/admin/templates/?page_size=250')).json().data
  t.equal(all.count, NOTIFICATION_PRESETS.length)
  t.same(all.results.map((p: { id: string }) => p.id), NOTIFICATION_PRESETS.map((p) => p.id))
  const first = (await get('/admin/templates/')).json().data
  t.equal(first.results.length, 15)
  t.match(first.next, /page=2/)
  const smsOnly = (await get('/admin/templates/?type=sms')).json().data
  t.ok(smsOnly.results.every((p: { type: string }) => p.type === 'sms'))
  t.ok(smsOnly.count >= 4)
  const reset = (await get('/admin/templates/?event=user.password.reset')).json().data
  t.same(reset.results.map((p: { id: string }) => p.id), ['password-reset-email'])
  const either = (await get('/admin/templates/?type__in=sms,push&page_size=250')).json().data
  t.equal(either.count, NOTIFICATION_PRESETS.filter((p) => p.type !== 'email').length)
  const twoEvents = (await get(
    '/admin/templates/?event__in=user.password.reset,mfa.sms.verify&type=sms')).json().data
  t.same(twoEvents.results.map((p: { id: string }) => p.id), ['mfa-sms'])
  t.equal((await get('/admin/templates/?type__in=sms,fax')).statusCode, 400)
  const one = await get('/admin/templates/mfa-sms/')
  t.equal(one.statusCode, 200)
  t.match(one.json().data, { id: 'mfa-sms', type: 'sms', event: 'mfa.sms.verify' })
  t.equal((await get('/admin/templates/nope/')).statusCode, 404)
  t.equal((await h.call({ method: 'GET', url: '/admin/templates/', token: h.tokens.user })).statusCode, 403)
})

t.test('layout presets are listed and read by id, and each places the body', async (t) => {
  const h = await startAdmin(t)
  const get = (url: string) => h.call({ method: 'GET', url, token: h.tokens.admin })
  const list = (await get('/admin/layout-templates/')).json().data
  t.equal(list.count, LAYOUT_PRESETS.length)
  t.same(new Set(list.results.map((p: { type: string }) => p.type)), new Set(['email', 'sms', 'push']))
  for (const preset of LAYOUT_PRESETS) {
    t.match(preset.body, /\{\{ body \}\}/, preset.id)
    const one = await get(`/admin/layout-templates/${preset.id}/`)
    t.same(one.json().data, preset)
  }
  t.equal((await get('/admin/layout-templates/?type=email')).json().data.count, 1)
  t.equal((await get('/admin/layout-templates/nope/')).statusCode, 404)
})
