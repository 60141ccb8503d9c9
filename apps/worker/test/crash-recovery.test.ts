import t from 'tap'
import type { SinkMessage } from '@herald/testkit'
import { deliveryJobId } from '@herald/queue'
import {
  deliveryIdOf,
  eventually,
  spawnWorker,
  startRedisRelay,
  startStack,
  type Stack
} from './helpers.js'

type Status = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped'

const countRows = (s: Stack, status?: Status) =>
  s.app.db.delivery.count({
    where: { companyId: s.companyId, ...(status ? { status } : {}) }
  })

/** Messages the sink accepted, counted per delivery id. */
function perDelivery (messages: SinkMessage[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const message of messages) {
    const id = deliveryIdOf(message)
    counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}

/** Nothing left to run: every delivery job has finished. */
async function queuesIdle (s: Stack): Promise<boolean> {
  const counts = await s.app.queues.deliveries.getJobCounts(
    'active', 'waiting', 'delayed', 'prioritized'
  )
  return Object.values(counts).every((n) => n === 0)
}

/** A promise and the functions that settle it. */
function signal (): {
  promise: Promise<void>
  fire: () => void
  fail: (err: unknown) => void
} {
  let fire = () => {}
  let fail = (_err: unknown) => {}
  const promise = new Promise<void>((resolve, reject) => {
    fire = resolve
    fail = reject
  })
  // awaited by the test; a hook that also waits must not crash the run
  promise.catch(() => {})
  return { promise, fire, fail }
}

t.test('a worker killed in the middle of a batch: every email arrives once', async (t) => {
  const s = await startStack(t)
  await s.createNotification()
  const total = 30
  const cut = 10
  const killed = signal()
  let restarted = false
  const first = spawnWorker(t, s.workerEnv)
  // The kill lands when the cut-th message is on the wire. It waits until
  // every message already accepted is recorded as sent: a crash between
  // the provider's 250 and that record is the one window no SMTP client
  // can close (the shared Message-ID is the mitigation there), and this
  // test is about everything else.
  s.sink.onDataStart(async (attempt) => {
    if (attempt !== cut) return
    try {
      await eventually(async () => s.sink.messages.length === cut - 1 &&
        await countRows(s, 'sent') === cut - 1)
      first.kill('SIGKILL')
      killed.fire()
    } catch (err) {
      killed.fail(new Error(`no kill: ${s.sink.messages.length} accepted, ` +
        `${await countRows(s, 'sent')} sent`, { cause: err }))
    }
  })
  // Messages on the wire when the worker died never get their 250: the
  // transaction was cut, so the sink must not count them as delivered.
  s.sink.setReply(async (attempt) => {
    if (restarted || attempt < cut) return { code: 250 }
    await killed.promise
    return { code: 451 }
  })
  for (let i = 1; i <= total; i++) await s.sendEvent(`crash-${i}`)
  await killed.promise
  t.same(await first.exited, { code: null, signal: 'SIGKILL' })
  t.equal(s.sink.messages.length, cut - 1, 'only settled messages were accepted')
  t.ok(await countRows(s, 'sending') >= 1, 'the crash left claimed deliveries')

  restarted = true
  const second = spawnWorker(t, s.workerEnv)
  await s.sink.waitForMessages(total, 30_000)
  await eventually(async () => await countRows(s, 'sent') === total &&
    await queuesIdle(s), 20_000)
  t.same(await second.stop(), { code: 0, signal: null })

  const counts = perDelivery(s.sink.messages)
  t.equal(s.sink.messages.length, total)
  t.equal(counts.size, total, 'one message per delivery')
  t.ok([...counts.values()].every((n) => n === 1))
  t.equal(new Set(s.sink.messages.map((m) => m.messageId)).size, total)
  t.equal(await countRows(s), total)
  const rows = await s.app.db.delivery.findMany({ where: { companyId: s.companyId } })
  t.same(new Set(rows.map((r) => r.id)), new Set(counts.keys()))
  t.ok(rows.every((r) => r.status === 'sent'))
})

t.test('a worker killed after a send was recorded, before its job completed, does not send it again', async (t) => {
  const s = await startStack(t)
  for (const name of ['one', 'two', 'three']) {
    await s.createNotification({
      type: 'email', name, event: 'transaction.execute',
      to_email: `${name}@northwind.example`, subject: `Copy ${name}`
    })
  }
  // The worker reaches Redis through a relay that goes deaf the moment the
  // provider accepts the first message: the row can still be settled in
  // PostgreSQL, but BullMQ never hears that the job completed.
  const relay = await startRedisRelay(s.workerEnv.REDIS_URL ?? '')
  t.teardown(() => relay.close())
  s.sink.setReply((attempt) => {
    if (attempt === 1) relay.freeze()
    return { code: 250 }
  })
  const single = { ...s.workerEnv, WORKER_CONCURRENCY: '1' }
  const first = spawnWorker(t, { ...single, REDIS_URL: relay.url })
  await s.sendEvent('accepted-then-killed')
  const [accepted] = await s.sink.waitForMessages(1, 15_000)
  if (!accepted) throw new Error('no message')
  const id = deliveryIdOf(accepted)
  const row = () => s.app.db.delivery.findUniqueOrThrow({ where: { id } })
  await eventually(async () => (await row()).status === 'sent')
  first.kill('SIGKILL')
  t.same(await first.exited, { code: null, signal: 'SIGKILL' })
  const job = await s.app.queues.deliveries.getJob(deliveryJobId(id))
  t.equal(await job?.getState(), 'active', 'the job never completed')

  const second = spawnWorker(t, single)
  await s.sink.waitForMessages(3, 20_000)
  await eventually(async () => await countRows(s, 'sent') === 3 &&
    await queuesIdle(s), 20_000)
  t.same(await second.stop(), { code: 0, signal: null })

  const rerun = await s.app.queues.deliveries.getJob(deliveryJobId(id))
  t.equal(await rerun?.getState(), 'completed')
  t.ok((rerun?.attemptsStarted ?? 0) >= 2, 'the job ran again after the crash')
  t.equal((await row()).attempts, 1, 'but the delivery was claimed once')
  const counts = perDelivery(s.sink.messages)
  t.equal(s.sink.messages.length, 3)
  t.equal(counts.get(id), 1, 'the recorded send was not repeated')
  t.same([...counts.values()], [1, 1, 1])
  t.same(s.sink.messages.map((m) => m.to[0]).sort(), [
    'one@northwind.example', 'three@northwind.example', 'two@northwind.example'
  ])
})

t.test('a worker killed while a message is on the wire: the message is sent by the next one', async (t) => {
  const s = await startStack(t)
  for (const name of ['one', 'two', 'three']) {
    await s.createNotification({
      type: 'email', name, event: 'transaction.execute',
      to_email: `${name}@northwind.example`, subject: `Copy ${name}`
    })
  }
  const single = { ...s.workerEnv, WORKER_CONCURRENCY: '1' }
  const first = spawnWorker(t, single)
  // The second message's DATA has begun and the worker dies before the
  // server has even invited the body: the transaction is cut short.
  s.sink.onDataStart((attempt) => {
    if (attempt === 2) first.kill('SIGKILL')
  })
  await s.sendEvent('cut-mid-transfer')
  t.same(await first.exited, { code: null, signal: 'SIGKILL' })
  t.equal(s.sink.messages.length, 1)
  const [sent] = s.sink.messages
  if (!sent) throw new Error('no message')
  await eventually(async () => await countRows(s, 'sent') === 1)
  t.equal(await countRows(s, 'sending'), 1, 'the cut delivery stays claimed')

  const second = spawnWorker(t, single)
  await s.sink.waitForMessages(3, 20_000)
  await eventually(async () => await countRows(s, 'sent') === 3 &&
    await queuesIdle(s), 20_000)
  t.same(await second.stop(), { code: 0, signal: null })
  const counts = perDelivery(s.sink.messages)
  t.equal(s.sink.messages.length, 3)
  t.equal(counts.get(deliveryIdOf(sent)), 1)
  t.same([...counts.values()], [1, 1, 1])
})
