import t from 'tap'
import { startApi, type ApiHarness } from './helpers.js'

const payment = {
  type: 'email',
  name: 'Payment',
  event: 'transaction.execute',
  to_email: '{{ user.email }}',
  subject: 'You got {{ currency.symbol }}{{ amount|money:currency.divisibility }}',
  html_message: '<p>{{ note }} for {{ user.first_name }} {{ user.nickname }}</p>',
  text_message: 'Fee {{ computed.fee|money:2 }}, total {{ computed.total_amount|money:2 }}',
  sms_message: '{{ context.company.name }}: {{ amount|money:currency.divisibility }}',
  push_message: '{% if amount > 0 %}Received{% else %}Sent{% endif %}',
  expression: "'{{ tx_type }}' == 'credit'",
  variants: { es: { subject: 'Recibiste {{ amount|money:2 }}' } }
}

async function started (t: { teardown (fn: () => unknown): void }): Promise<ApiHarness> {
  const h = await startApi(t)
  await h.activate()
  return h
}

async function create (h: ApiHarness, payload: object) {
  return h.call({
    method: 'POST', url: '/admin/notifications/', token: h.tokens.admin, payload
  })
}

t.test('a saved notification previews with the sample of its event', async (t) => {
  const h = await started(t)
  const created = await create(h, payment)
  t.equal(created.statusCode, 201, created.body)
  const id = created.json().data.id as number
  t.same(created.json().data.variants, payment.variants, 'variants round-trip')
  const res = await h.call({
    method: 'POST', url: `/admin/notifications/${id}/preview/`,
    token: h.tokens.admin, payload: {}
  })
  t.equal(res.statusCode, 200, res.body)
  const data = res.json().data
  t.equal(data.data_source, 'sample')
  t.equal(data.channels.email.subject, 'You got $1250.00')
  t.equal(data.channels.email.to_email, 'ada.obi@example.com')
  t.equal(data.channels.email.text_message, 'Fee -1.50, total 1248.50')
  t.equal(data.channels.push.push_message, 'Received')
  t.match(data.channels.sms.sms_message, /: 1250\.00$/)
  t.same(data.condition, {
    expression: payment.expression,
    rendered: "'credit' == 'credit'",
    send: true,
    error: null
  })
  t.same(data.missing, ['user.nickname'])
})

t.test('given data, a language and a broken condition', async (t) => {
  const h = await started(t)
  const id = (await create(h, payment)).json().data.id as number
  const res = await h.call({
    method: 'POST', url: `/admin/notifications/${id}/preview/`,
    token: h.tokens.admin,
    payload: {
      language: 'es-MX',
      data: { tx_type: "it's", amount: 500, note: '<b>rent</b>', user: { first_name: 'Lu' } }
    }
  })
  t.equal(res.statusCode, 200, res.body)
  const data = res.json().data
  t.equal(data.data_source, 'body')
  t.equal(data.variant, 'es')
  t.equal(data.channels.email.subject, 'Recibiste 5.00')
  t.equal(data.channels.email.html_message,
    '<p>&lt;b&gt;rent&lt;/b&gt; for Lu </p>', 'HTML is autoescaped')
  t.equal(data.condition.send, false)
  t.match(data.condition.error, /^SyntaxError: /)
  t.ok(data.missing.includes('currency.divisibility'))
  t.equal(data.channels.sms.sms_message, null, 'a missing filter argument fails')
  t.match(data.errors.sms_message, /Failed lookup for key \[currency\.divisibility\]/)
})

t.test('an unsaved notification previews, field errors included', async (t) => {
  const h = await started(t)
  const res = await h.call({
    method: 'POST', url: '/admin/notifications/preview/', token: h.tokens.admin,
    payload: {
      notification: {
        event: 'user.password.reset',
        subject: 'Reset for {{ user.first_name }}',
        text_message: 'Go to {{ url }}\n{% if %}'
      }
    }
  })
  t.equal(res.statusCode, 200, res.body)
  const data = res.json().data
  t.equal(data.channels.email.subject, 'Reset for Ada')
  t.equal(data.channels.email.text_message, null)
  t.equal(data.errors.text_message,
    'Invalid template at line 2, column 1: Unexpected end of expression in if tag.')
  t.same(data.condition, { expression: '', rendered: null, send: true, error: null })
})

t.test('preview is for admins, of their own notifications', async (t) => {
  const h = await started(t)
  const id = (await create(h, payment)).json().data.id as number
  const asUser = await h.call({
    method: 'POST', url: `/admin/notifications/${id}/preview/`,
    token: h.tokens.user, payload: {}
  })
  t.equal(asUser.statusCode, 403)
  t.equal(asUser.json().message, 'Permission denied.')
  const missing = await h.call({
    method: 'POST', url: '/admin/notifications/999999/preview/',
    token: h.tokens.admin, payload: {}
  })
  t.equal(missing.statusCode, 404)
  t.same(missing.json(), { status: 'error', message: 'Not found.', data: {} })
  const bad = await h.call({
    method: 'POST', url: '/admin/notifications/preview/',
    token: h.tokens.admin, payload: { data: {} }
  })
  t.equal(bad.statusCode, 400)
  t.equal(bad.json().status, 'error')
})

t.test('save-time validation covers conditions and variants', async (t) => {
  const h = await started(t)
  const res = await create(h, {
    ...payment,
    expression: "'{{ tx_type }}' ==",
    variants: {
      es: { subject: 'Hola {% if x %}' },
      'not a tag!': { subject: 'x' }
    }
  })
  t.equal(res.statusCode, 400)
  const errors = res.json().data
  t.match(errors.expression, [/^Invalid condition: SyntaxError: /])
  t.same(errors['variants.es.subject'], [
    "Invalid template at line 1, column 6: Unclosed tag '{% if x %}', expected 'endif'"
  ])
  t.same(errors.variants, ['Not a language tag: not a tag!.'])
})

t.test('a preview built to loop for long answers within its budget, the API still serving', async (t) => {
  const h = await started(t)
  const loops = '{% for a in items %}{% for b in items %}{% for c in items %}' +
    '{{ a }}{{ b }}{{ c }}{% endfor %}{% endfor %}{% endfor %}'
  const items = Array.from({ length: 300 }, (_, i) => i)
  const started_ = performance.now()
  const res = await h.call({
    method: 'POST', url: '/admin/notifications/preview/', token: h.tokens.admin,
    payload: {
      notification: {
        event: 'user.create',
        subject: loops, text_message: loops, html_message: loops,
        to_email: loops, from_email: loops, sms_message: loops, push_message: loops
      },
      data: { items }
    }
  })
  const took = performance.now() - started_
  t.equal(res.statusCode, 200, res.body)
  t.ok(took < 2500, `answered in ${Math.round(took)} ms: one budget for every field`)
  const { errors } = res.json().data
  t.match(errors.subject, /template render limit exceeded/)
  t.match(errors.push_message, /template render limit exceeded/)
})
