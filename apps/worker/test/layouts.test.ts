import t from 'tap'
import type { Layout, NewDelivery } from '@herald/db'
import { createRenderer } from '@herald/templates'
import { applyLayout, textOfHtml } from '../src/layouts.js'
import { paymentEmail, startStack } from './helpers.js'

const context = { context: { company: { name: 'Northwind & Co' } }, user: { first_name: 'Lina' } }

function layoutOf (type: Layout['type'], body: string): Layout {
  const now = new Date()
  return {
    id: 1, companyId: 'c', name: '', description: '', type, body, template: null,
    createdAt: now, updatedAt: now
  }
}

function row (fields: Partial<NewDelivery>): NewDelivery {
  return {
    companyId: 'c', webhookEventId: null, notificationId: 1, dedupeKey: 'k',
    type: 'email', userId: null, recipient: 'r', ...fields
  }
}

t.test('an SMS or push layout wraps the message as it is', async (t) => {
  const renderer = createRenderer()
  const [sms] = await applyLayout(renderer, layoutOf('sms', '{{ body }}\n- {{ context.company.name }}'), context,
    [row({ type: 'sms', smsMessage: 'Code <123> & more' })])
  t.equal(sms?.smsMessage, 'Code <123> & more\n- Northwind & Co')
  const [push] = await applyLayout(renderer, layoutOf('push', '{{context.company.name}}: {{body}}'), context,
    [row({ type: 'push', pushMessage: 'Paid {{ not a tag }}' })])
  t.equal(push?.pushMessage, 'Northwind & Co: Paid {{ not a tag }}', 'the body is never read as a template')
})

t.test('an email layout wraps the HTML part, and the text part in its text rendition', async (t) => {
  const renderer = createRenderer()
  const layout = layoutOf('email',
    '<html><head><style>p{}</style></head><body><h1>{{ context.company.name }}</h1>' +
    '{{ body }}<footer>Sent to {{ user.first_name }}</footer></body></html>')
  const [email] = await applyLayout(renderer, layout, context, [row({
    htmlMessage: '<p>Hi &amp; welcome</p>', textMessage: 'Hi & welcome'
  })])
  t.equal(email?.htmlMessage,
    '<html><head><style>p{}</style></head><body><h1>Northwind &amp; Co</h1>' +
    '<p>Hi &amp; welcome</p><footer>Sent to Lina</footer></body></html>', 'the body is not escaped twice')
  t.equal(email?.textMessage, 'Northwind & Co\n\nHi & welcome\n\nSent to Lina')
})

t.test('skipped rows and empty bodies are left alone; no layout, no change', async (t) => {
  const renderer = createRenderer()
  const layout = layoutOf('email', '<div>{{ body }}</div>')
  const rows = [
    row({ status: 'skipped', htmlMessage: '<p>x</p>' }),
    row({ htmlMessage: '', textMessage: 'only text' })
  ]
  const [skipped, textOnly] = await applyLayout(renderer, layout, context, rows)
  t.equal(skipped?.htmlMessage, '<p>x</p>')
  t.equal(textOnly?.htmlMessage, '')
  t.equal(textOnly?.textMessage, 'only text')
  t.same(await applyLayout(renderer, null, context, rows), rows)
})

t.test('the text rendition of HTML keeps lines and drops markup', async (t) => {
  t.equal(textOfHtml('<p>One</p><p>Two<br>Three</p>\n\n\n<div>&lt;4&gt;</div>'), 'One\n\nTwo\nThree\n\n<4>')
})

t.test('an email sent with a layout arrives wrapped', async (t) => {
  const s = await startStack(t)
  const layout = await s.call({
    method: 'POST', url: '/admin/layouts/', token: s.tokens.admin,
    payload: { template: 'email-basic' }
  })
  t.equal(layout.statusCode, 201)
  await s.createNotification({ ...paymentEmail, layout: layout.json().data.id })
  s.startWorker()
  await s.sendEvent()
  const [mail] = await s.sink.waitForMessages(1)
  t.match(mail?.html, /<h2 style="margin-top:0">Northwind Wallet<\/h2>\n<p>Hi Lina<\/p>/)
  t.match(mail?.html, 'Sent by Northwind Wallet')
  t.match(mail?.text, /^Northwind Wallet\n\nHi Lina, Sent to Ade: -1500\.75 NGN\.\n\nSent by Northwind Wallet$/)
})
