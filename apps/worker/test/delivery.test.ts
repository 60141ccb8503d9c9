import t from 'tap'
import { eventually, startStack, transactionEvent } from './helpers.js'

t.test('transaction.execute arrives as a rendered email, once', async (t) => {
  const s = await startStack(t)
  const id = await s.createNotification()
  s.startWorker()
  const attempts = await s.sendEvent()
  t.equal(attempts.at(-1)?.status, 200)
  const [mail] = await s.sink.waitForMessages(1)
  t.equal(mail?.subject, 'You sent ₦-1500.75')
  t.same(mail?.to, ['lina.okafor@example.org'])
  t.equal(mail?.from, 'no-reply@northwind.example')
  t.match(mail?.text, 'Hi Lina, Sent to Ade: -1500.75 NGN.')
  t.match(mail?.html, '<p>Hi Lina</p>')
  const sent = () => s.app.db.delivery.findFirstOrThrow({ where: { notificationId: id } })
  await eventually(async () => (await sent()).status === 'sent')
  const delivery = await sent()
  t.equal(delivery.attempts, 1)
  t.equal(delivery.recipient, 'lina.okafor@example.org')
  t.ok(delivery.sentAt)
  const event = await s.app.db.webhookEvent.findFirstOrThrow({ where: { companyId: s.companyId } })
  t.equal(event.status, 'processed')
})

t.test('html bodies are escaped, subjects are not', async (t) => {
  const s = await startStack(t)
  await s.createNotification({
    type: 'email', name: 'x', event: 'transaction.execute', to_email: '{{ user.email }}',
    subject: '{{ note }} & more', html_message: '<b>{{ note }}</b>'
  })
  s.startWorker()
  await s.sendEvent('esc-1', { ...transactionEvent.data, note: '<i>Rent</i> & co' })
  const [mail] = await s.sink.waitForMessages(1)
  t.equal(mail?.subject, '<i>Rent</i> & co & more')
  t.match(mail?.html, '<b>&lt;i&gt;Rent&lt;/i&gt; &amp; co</b>')
})

t.test('a redelivered event sends nothing new', async (t) => {
  const s = await startStack(t)
  await s.createNotification()
  s.startWorker()
  await s.sendEvent()
  await s.sink.waitForMessages(1)
  await s.sendEvent()
  await s.sendEvent()
  await new Promise((resolve) => setTimeout(resolve, 500))
  t.equal(s.sink.messages.length, 1)
  t.equal(await s.app.db.delivery.count({ where: { companyId: s.companyId } }), 1)
})

t.test('20 concurrent copies of one event make one email', async (t) => {
  const s = await startStack(t)
  await s.createNotification()
  s.startWorker()
  await Promise.all(Array.from({ length: 20 }, () => s.sendEvent()))
  await s.sink.waitForMessages(1)
  await new Promise((resolve) => setTimeout(resolve, 500))
  t.equal(s.sink.messages.length, 1)
  t.equal(s.sink.attempts, 1)
})

t.test('a delivery job that runs twice sends once', async (t) => {
  const s = await startStack(t)
  await s.createNotification()
  s.startWorker()
  await s.sendEvent()
  await s.sink.waitForMessages(1)
  const delivery = await s.app.db.delivery.findFirstOrThrow({ where: { companyId: s.companyId } })
  const again = await s.app.queues.deliveries.add('delivery', { deliveryId: delivery.id }, { jobId: 'again' })
  await eventually(async () => (await again.getState()) === 'completed')
  t.equal(s.sink.attempts, 1)
  t.equal(s.sink.messages.length, 1)
})

t.test('each notification for the event and each address gets its message', async (t) => {
  const s = await startStack(t)
  await s.createNotification()
  await s.createNotification({
    type: 'email', name: 'ops copy', event: 'transaction.execute',
    to_email: 'ops@northwind.example, audit@northwind.example', subject: 'Tx {{ id }}'
  })
  await s.createNotification({
    type: 'email', name: 'other event', event: 'user.create', to_email: 'x@y.co', subject: 'no'
  })
  await s.createNotification({
    type: 'email', name: 'disabled', event: 'transaction.execute', to_email: 'x@y.co', subject: 'no', enabled: false
  })
  s.startWorker()
  await s.sendEvent()
  const mails = await s.sink.waitForMessages(3)
  await new Promise((resolve) => setTimeout(resolve, 300))
  t.equal(s.sink.messages.length, 3)
  t.same(mails.map((m) => m.to[0]).sort(), [
    'audit@northwind.example', 'lina.okafor@example.org', 'ops@northwind.example'
  ])
})

t.test('a recipient that renders empty is a skipped delivery with its reason', async (t) => {
  const s = await startStack(t)
  await s.createNotification({ ...{ type: 'email', name: 'n', event: 'transaction.execute', subject: 's' }, to_email: '{{ nobody.email }}' })
  s.startWorker()
  await s.sendEvent()
  await eventually(async () => (await s.app.db.delivery.count({ where: { companyId: s.companyId } })) === 1)
  const row = await s.app.db.delivery.findFirstOrThrow({ where: { companyId: s.companyId } })
  t.equal(row.status, 'skipped')
  t.match(row.errorMessage, /rendered empty/)
  t.equal(s.sink.attempts, 0)
})

t.test('a template that fails to render is a failed delivery; the others still go', async (t) => {
  const s = await startStack(t)
  await s.createNotification()
  const broken = await s.createNotification({
    type: 'email', name: 'broken', event: 'transaction.execute',
    to_email: '{{ user.email }}', subject: 'Note {{ note|money:2 }}'
  })
  s.startWorker()
  await s.sendEvent()
  await s.sink.waitForMessages(1)
  await eventually(async () =>
    (await s.app.db.delivery.count({ where: { notificationId: broken } })) === 1)
  const row = await s.app.db.delivery.findFirstOrThrow({ where: { notificationId: broken } })
  t.equal(row.status, 'failed')
  t.match(row.errorMessage, /template failed to render at line 1, column \d+/)
  const event = await s.app.db.webhookEvent.findFirstOrThrow({ where: { companyId: s.companyId } })
  t.equal(event.status, 'processed')
  t.equal(s.sink.messages.length, 1)
})

t.test('an email with no sender anywhere fails with the reason and is not sent', async (t) => {
  const s = await startStack(t, { SMTP_FROM: '' })
  const id = await s.createNotification()
  await s.app.db.company.update({ where: { id: s.companyId }, data: { systemEmail: null } })
  s.startWorker()
  await s.sendEvent()
  const row = () => s.app.db.delivery.findFirstOrThrow({ where: { notificationId: id } })
  await eventually(async () => (await row()).status === 'failed')
  const delivery = await row()
  t.match(delivery.errorMessage, /^no sender address: /)
  t.equal(delivery.attempts, 1, 'permanent: not retried')
  t.equal(s.sink.attempts, 0, 'nothing reached the SMTP server')
})
