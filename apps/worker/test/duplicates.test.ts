import t, { type Test } from 'tap'
import { eventually, startStack, type Stack } from './helpers.js'
import { platformSends, statuses } from './fault-helpers.js'

const RECIPIENTS = ['ana@northwind.example', 'bo@northwind.example', 'cy@northwind.example']

async function threeRecipients (s: Stack): Promise<void> {
  for (const to of RECIPIENTS) {
    await s.createNotification({
      type: 'email', name: to, event: 'transaction.execute', to_email: to, subject: 'Copy'
    })
  }
}

/** Messages the sink accepted, counted per recipient. */
function perRecipient (s: Stack): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const message of s.sink.messages) {
    for (const to of message.to) counts[to] = (counts[to] ?? 0) + 1
  }
  return counts
}

const once = Object.fromEntries(RECIPIENTS.map((to) => [to, 1]))

async function settled (t: Test, s: Stack): Promise<void> {
  await s.sink.waitForMessages(RECIPIENTS.length, 20_000)
  await eventually(async () => await s.app.db.delivery.count({
    where: { companyId: s.companyId, status: 'sent' }
  }) === RECIPIENTS.length)
  const idle = await s.app.queues.deliveries.getJobCounts('waiting', 'active', 'delayed')
  t.same(idle, { waiting: 0, active: 0, delayed: 0 })
}

t.test('50 concurrent copies of one webhook: one message per recipient', async (t) => {
  const s = await startStack(t)
  await threeRecipients(s)
  s.startWorker()
  const answers = await Promise.all(Array.from({ length: 50 }, () => platformSends(s, 'burst')))
  t.same(answers.map(statuses).flat(), Array(50).fill(200), 'every copy acknowledged')
  await settled(t, s)
  await new Promise((resolve) => setTimeout(resolve, 300))
  t.same(perRecipient(s), once)
  t.equal(await s.app.db.webhookEvent.count({ where: { companyId: s.companyId } }), 1)
  t.equal(await s.app.db.delivery.count({ where: { companyId: s.companyId } }), 3)
})

t.test('the same webhook again and again, before and after it is sent: one message each', async (t) => {
  const s = await startStack(t)
  await threeRecipients(s)
  t.same(statuses(await platformSends(s, 'again')), [200], 'stored before any worker runs')
  t.same(statuses(await platformSends(s, 'again')), [200])
  s.startWorker()
  await settled(t, s)
  for (let i = 0; i < 5; i++) {
    t.same(statuses(await platformSends(s, 'again')), [200], `redelivery ${i + 1}`)
  }
  await new Promise((resolve) => setTimeout(resolve, 500))
  t.same(perRecipient(s), once)
  t.equal(await s.app.db.delivery.count({ where: { companyId: s.companyId } }), 3)
})
