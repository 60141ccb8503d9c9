import t, { type Test } from 'tap'
import type { Redis } from 'ioredis'
import { Worker } from 'bullmq'
import { testUrls, uniqueId } from '@herald/testkit'
import {
  EVENT_STREAM_MAX_LEN,
  KEEP_COMPLETED,
  KEEP_FAILED,
  createQueues,
  createRedis,
  deliveryJobOptions,
  eventJobOptions,
  queueDepths,
  type Queues
} from '../src/index.js'

const policy = { deliveryAttempts: 3, backoffMs: 10 }

t.test('finished jobs are kept by count and by age, failed ones longer', async (t) => {
  for (const options of [eventJobOptions(policy), deliveryJobOptions(policy)]) {
    t.same(options.removeOnComplete, { age: 3600, count: 1000 })
    t.same(options.removeOnFail, { age: 7 * 24 * 3600, count: 10000 })
  }
  t.same(KEEP_COMPLETED, { age: 3600, count: 1000 })
  t.same(KEEP_FAILED, { age: 604800, count: 10000 })
})

/** Queues of the test's own, keeping `keep` finished jobs of each kind. */
function queuesFor (t: Test, keep: number): {
  queues: Queues
  prefix: string
  connection: Redis
  worker: (fail: boolean) => Worker
} {
  const prefix = uniqueId('hq')
  const connection = createRedis(testUrls().redisUrl, 'worker')
  const queues = createQueues({
    connection,
    prefix,
    policy: {
      ...policy,
      deliveryAttempts: 1,
      keepCompleted: { age: 3600, count: keep },
      keepFailed: { age: 3600, count: keep }
    }
  })
  const workers: Worker[] = []
  t.teardown(async () => {
    await Promise.all(workers.map((w) => w.close()))
    await queues.deliveries.obliterate({ force: true })
    await queues.close()
    connection.disconnect()
  })
  return {
    queues,
    prefix,
    connection,
    worker (fail) {
      const worker = new Worker('deliveries', async () => {
        if (fail) throw new Error('no')
        return 'ok'
      }, { connection, prefix, concurrency: 50 })
      workers.push(worker)
      return worker
    }
  }
}

t.test('Redis keeps no more finished jobs than the count allows', async (t) => {
  const { queues, worker } = queuesFor(t, 5)
  const ids = Array.from({ length: 60 }, (_v, i) => `done-${i}`)
  let finished = 0
  const all = new Promise<void>((resolve) => {
    worker(false).on('completed', () => { if (++finished === ids.length) resolve() })
  })
  await queues.enqueueDeliveries(ids)
  await all
  const depths = await queueDepths(queues)
  t.equal(depths.deliveries.completed, 5)
  t.equal(depths.deliveries.waiting, 0)
})

t.test('and no more failed ones either', async (t) => {
  const { queues, worker } = queuesFor(t, 4)
  const ids = Array.from({ length: 30 }, (_v, i) => `fail-${i}`)
  let failed = 0
  const all = new Promise<void>((resolve) => {
    worker(true).on('failed', () => { if (++failed === ids.length) resolve() })
  })
  await queues.enqueueDeliveries(ids)
  await all
  t.equal((await queueDepths(queues)).deliveries.failed, 4)
})

t.test('each queue\'s event stream stays near its cap', async (t) => {
  const { queues, prefix, connection, worker } = queuesFor(t, 10)
  const ids = Array.from({ length: 1500 }, (_v, i) => `stream-${i}`)
  let finished = 0
  const all = new Promise<void>((resolve) => {
    worker(false).on('completed', () => { if (++finished === ids.length) resolve() })
  })
  for (let i = 0; i < ids.length; i += 500) {
    await queues.enqueueDeliveries(ids.slice(i, i + 500))
  }
  await all
  const length = await connection.xlen(`${prefix}:deliveries:events`)
  // Every job adds several entries (added, waiting, active, completed):
  // uncapped the stream would hold thousands. BullMQ trims with `MAXLEN ~`,
  // which may keep up to one macro-node (100 entries) more than asked.
  t.ok(length > 0, 'events were written')
  t.ok(length <= EVENT_STREAM_MAX_LEN + 100, `stream holds ${length} entries`)
})
