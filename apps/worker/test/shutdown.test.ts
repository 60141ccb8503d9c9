import t from 'tap'
import { eventJobId } from '@herald/queue'
import { TEST_ENCRYPTION_KEY } from '@herald/testkit'
import { eventually, spawnWorker, startStack, type Stack } from './helpers.js'

const SHUTDOWN_TIMEOUT_MS = 8000

const rows = (s: Stack) =>
  s.app.db.delivery.findMany({ where: { companyId: s.companyId } })

const eventRow = (s: Stack, eventId: string) =>
  s.app.db.webhookEvent.findFirstOrThrow({
    where: { companyId: s.companyId, eventId }
  })

t.test('SIGTERM lets the message in flight finish, then exits 0', async (t) => {
  const s = await startStack(t)
  await s.createNotification()
  const worker = spawnWorker(t, {
    ...s.workerEnv,
    LOG_LEVEL: 'info',
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS)
  })
  let termAt = 0
  // SIGTERM arrives while the message is on the wire; the provider
  // answers only once the worker has begun to shut down.
  s.sink.onDataStart((attempt) => {
    if (attempt !== 1) return
    termAt = Date.now()
    worker.kill('SIGTERM')
  })
  let answer = () => {}
  const answered = new Promise<void>((resolve) => { answer = resolve })
  s.sink.setReply(async () => {
    await answered
    return { code: 250 }
  })
  await s.sendEvent('before-sigterm')
  await worker.logged('shutting down')
  await s.sendEvent('after-sigterm')
  answer()

  t.same(await worker.exited, { code: 0, signal: null })
  t.ok(Date.now() - termAt < SHUTDOWN_TIMEOUT_MS, 'within the shutdown timeout')
  await worker.logged('stopped')
  t.equal(s.sink.messages.length, 1)
  const [delivery, ...others] = await rows(s)
  t.equal(others.length, 0, 'the later event made no delivery')
  t.equal(delivery?.status, 'sent')
  const late = await eventRow(s, 'after-sigterm')
  t.equal(late.status, 'received', 'the later event was not taken')
  const job = await s.app.queues.events.getJob(eventJobId(late.id))
  t.equal(await job?.getState(), 'waiting')

  s.startWorker()
  await s.sink.waitForMessages(2)
  t.equal((await eventRow(s, 'after-sigterm')).status, 'processed',
    'the next worker takes it')
})

t.test('a send that outlasts the shutdown timeout does not hold the exit', async (t) => {
  const s = await startStack(t)
  await s.createNotification()
  const timeoutMs = 1000
  const worker = spawnWorker(t, {
    ...s.workerEnv,
    LOG_LEVEL: 'info',
    SHUTDOWN_TIMEOUT_MS: String(timeoutMs)
  })
  let termAt = 0
  s.sink.onDataStart((attempt) => {
    if (attempt !== 1) return
    termAt = Date.now()
    worker.kill('SIGTERM')
  })
  // The first transaction never gets its answer while the worker lives;
  // once it is gone the sink refuses it, as a server whose client left.
  s.sink.setReply(async (attempt) => {
    if (attempt !== 1) return { code: 250 }
    await worker.exited
    return { code: 451 }
  })
  await s.sendEvent('stuck')

  t.same(await worker.exited, { code: 0, signal: null })
  const elapsed = Date.now() - termAt
  t.ok(elapsed >= timeoutMs, 'it waited for the job first')
  t.ok(elapsed < timeoutMs + 5000, `exited ${elapsed} ms after SIGTERM`)
  await worker.logged('in-flight jobs did not finish; forcing close')
  t.equal(s.sink.messages.length, 0)

  s.startWorker()
  const [mail] = await s.sink.waitForMessages(1, 15_000)
  t.equal(mail?.to[0], 'lina.okafor@example.org')
  await eventually(async () => (await rows(s))[0]?.status === 'sent')
  t.equal(s.sink.messages.length, 1)
})

t.test('a worker without DATABASE_URL exits 1 and names the key', async (t) => {
  const worker = spawnWorker(t, { HERALD_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY }, [
    'DATABASE_URL'
  ])
  t.same(await worker.exited, { code: 1, signal: null })
  t.match(worker.stderr(), /^herald-worker failed to start: .*DATABASE_URL/)
})
