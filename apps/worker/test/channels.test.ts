import t from 'tap'
import { startSmtpSink } from '@herald/testkit'
import { lina, startChannelStack } from './channel-stack.js'

t.test('one event fans out to email, SMS, Expo and Web Push at once', async (t) => {
  const s = await startChannelStack(t)
  await s.useTwilio()
  await s.enablePush()
  const browser = await s.subscribeBrowser()
  await s.notify({
    type: 'email', toEmail: '{{ user.email }}', subject: 'Sent {{ amount|money:2 }}',
    textMessage: 'Hi {{ user.first_name }}'
  })
  await s.notify({ type: 'sms', smsMessage: '{{ label }}: {{ amount|money:2 }} {{ currency.code }}' })
  await s.notify({
    type: 'push', subject: 'Payment', pushMessage: '{{ user.first_name }}, {{ label }}'
  })
  s.startWorker()
  await s.sendEvent()
  const [mail] = await s.sink.waitForMessages(1)
  const [sms] = await s.twilio.waitForMessages(1)
  const [push] = await s.expo.waitForMessages(1)
  const [web] = await s.browser.waitForMessages(1)
  t.equal(mail?.subject, 'Sent -1500.75')
  t.same([sms?.to, sms?.from, sms?.body], [lina.mobile, '+15550000001', 'Sent to Ade: -1500.75 NGN'])
  t.same([push?.to, push?.title, push?.body], [lina.expoToken, 'Payment', 'Lina, Sent to Ade'])
  t.equal(web?.endpoint, browser.endpoint)
  t.match(JSON.parse(web?.payload ?? '{}'), { title: 'Payment', body: 'Lina, Sent to Ade' })
  t.match(web?.vapid.sub, /^mailto:/)
  const rows = await s.settled(4)
  t.same(rows.map((r) => [r.type, r.provider, r.status, r.attempts]).sort(), [
    ['email', 'smtp', 'sent', 1],
    ['push', 'expo', 'sent', 1],
    ['push', 'webpush', 'sent', 1],
    ['sms', 'twilio', 'sent', 1]
  ])
  t.ok(rows.every((r) => r.userId === lina.id))
  t.equal(rows.find((r) => r.provider === 'twilio')?.providerId, sms?.sid)
  const expoRow = rows.find((r) => r.provider === 'expo')
  t.equal(expoRow?.providerId, push?.ticketId)
  await s.expo.waitForReceiptRequests(1)
  t.same(s.expo.receiptRequests, [push?.ticketId], 'the receipt is read once')
})

t.test('SendGrid carries email when the company has its credentials', async (t) => {
  const s = await startChannelStack(t)
  await s.setCredentials('sendgrid', { api_key: s.sendgrid.apiKey })
  await s.notify({
    type: 'email', toEmail: '{{ user.email }}', subject: 'Hello',
    htmlMessage: '<h1>Paid</h1><p>You sent <b>{{ amount|money:2 }}</b>.</p>'
  })
  s.startWorker()
  await s.sendEvent()
  const [mail] = await s.sendgrid.waitForMails(1)
  t.same(mail?.to, ['lina.okafor@example.org'])
  t.same(mail?.from, { email: 'no-reply@northwind.example' })
  t.same(mail?.content.map((c) => c.type), ['text/plain', 'text/html'])
  t.match(mail?.content[0]?.value, /PAID\s+You sent -1500\.75\./)
  const [row] = await s.settled(1)
  t.same([row?.provider, row?.status, row?.providerId], ['sendgrid', 'sent', mail?.messageId])
  t.equal(s.sink.attempts, 0, 'nothing went over the default SMTP server')
})

t.test('a company SMTP server replaces the default one', async (t) => {
  const own = await startSmtpSink()
  t.teardown(() => own.close())
  const s = await startChannelStack(t)
  await s.setCredentials('smtp', {
    host: own.host, port: String(own.port), secure: 'false', user: 'u', password: 'p'
  })
  await s.notify({
    type: 'email', toEmail: '{{ user.email }}', subject: 'Own', htmlMessage: '<p>Only <i>HTML</i></p>'
  })
  s.startWorker()
  await s.sendEvent()
  const [mail] = await own.waitForMessages(1)
  t.equal(mail?.subject, 'Own')
  t.match(mail?.text, 'Only HTML', 'a text part derived from the HTML')
  t.match(mail?.html, '<p>Only <i>HTML</i></p>')
  t.equal(s.sink.attempts, 0)
})

t.test('without to_email the user\'s platform address is used', async (t) => {
  const s = await startChannelStack(t)
  await s.notify({ type: 'email', subject: 'To the user', textMessage: 'x' })
  s.startWorker()
  await s.sendEvent()
  const [mail] = await s.sink.waitForMessages(1)
  t.same(mail?.to, ['lina.okafor@example.org'])
})

t.test('what cannot be delivered is skipped with its reason', async (t) => {
  const s = await startChannelStack(t)
  await s.notify({ type: 'sms', smsMessage: 'no twilio' })
  await s.notify({ type: 'push', pushMessage: 'push off' })
  s.startWorker()
  await s.sendEvent()
  const rows = await s.settled(2)
  t.same(rows.map((r) => [r.type, r.status, r.errorMessage]).sort(), [
    ['push', 'skipped', 'push is not enabled for the company'],
    ['sms', 'skipped', 'company has no twilio credentials']
  ])
  t.equal(s.twilio.attempts + s.expo.attempts, 0)
})

t.test('a user without a number, device or subscription is skipped', async (t) => {
  const s = await startChannelStack(t)
  await s.useTwilio()
  await s.enablePush()
  const admin = '6a1d9e52-0c3b-4f8a-b7d4-2e9f1c0a5b36'
  await s.notify({ type: 'sms', toUser: admin, smsMessage: 'x' })
  await s.notify({ type: 'push', toUser: admin, pushMessage: 'x' })
  await s.notify({ type: 'sms', toUser: 'nobody-at-all', smsMessage: 'x' })
  await s.notify({ type: 'sms', toMobile: '0801 234', smsMessage: 'x' })
  s.startWorker()
  await s.sendEvent()
  const rows = await s.settled(4)
  t.same(rows.map((r) => r.errorMessage).sort(), [
    'recipient is not an E.164 number',
    'user has no mobile number',
    'user has no push device or browser subscription',
    'user not found on the platform'
  ])
  t.ok(rows.every((r) => r.status === 'skipped'))
  t.equal(s.twilio.attempts + s.expo.attempts, 0)
})

t.test('numbers are normalised to E.164 and each gets one SMS', async (t) => {
  const s = await startChannelStack(t)
  await s.useTwilio()
  await s.notify({ type: 'sms', toMobile: '+1 (555) 010-0888, +15550100999', smsMessage: 'hi' })
  s.startWorker()
  await s.sendEvent()
  await s.settled(2)
  t.same(s.twilio.messages.map((m) => m.to).sort(), ['+15550100888', '+15550100999'])
})
