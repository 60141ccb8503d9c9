import t from 'tap'
import { eventually, startStack } from './helpers.js'

const onlyDelivery = async (s: Awaited<ReturnType<typeof startStack>>) =>
  s.app.db.delivery.findFirstOrThrow({ where: { companyId: s.companyId } })

t.test('a transient SMTP failure is retried until it succeeds', async (t) => {
  const s = await startStack(t)
  await s.createNotification()
  s.sink.setReply((attempt) => attempt <= 2 ? { code: 451, message: 'try later' } : { code: 250 })
  s.startWorker()
  await s.sendEvent()
  await s.sink.waitForMessages(1)
  await eventually(async () => (await onlyDelivery(s)).status === 'sent')
  const row = await onlyDelivery(s)
  t.equal(row.attempts, 3)
  t.equal(s.sink.attempts, 3)
  t.equal(s.sink.messages.length, 1)
})

t.test('a permanent SMTP failure is not retried', async (t) => {
  const s = await startStack(t)
  await s.createNotification()
  s.sink.setReply(() => ({ code: 550, message: 'no such user' }))
  s.startWorker()
  await s.sendEvent()
  await eventually(async () => (await onlyDelivery(s)).status === 'failed')
  await new Promise((resolve) => setTimeout(resolve, 400))
  const row = await onlyDelivery(s)
  t.equal(row.attempts, 1)
  t.equal(s.sink.attempts, 1)
  t.match(row.errorMessage, /SMTP rejected the message.*550/)
})

t.test('transient failures stop after the configured attempts', async (t) => {
  const s = await startStack(t, { DELIVERY_ATTEMPTS: '3' })
  await s.createNotification()
  s.sink.setReply(() => ({ code: 451, message: 'busy' }))
  s.startWorker()
  await s.sendEvent()
  await eventually(async () => (await onlyDelivery(s)).status === 'failed')
  await new Promise((resolve) => setTimeout(resolve, 400))
  const row = await onlyDelivery(s)
  t.equal(row.attempts, 3)
  t.equal(s.sink.attempts, 3)
  t.match(row.errorMessage, /SMTP deferred the message/)
  const [job] = await s.app.queues.deliveries.getJobs(['failed'])
  t.ok(job, 'the failed job stays visible')
})
