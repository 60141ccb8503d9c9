import t from 'tap'
import fastify from 'fastify'
import type { Test } from 'tap'
import { defaultRetryDelayMs } from '../src/index.js'
import { startSim } from './helpers.js'

interface Received { authorization?: string; body: unknown }

/** A receiver answering `statuses` in turn (then 200), recording calls. */
async function receiver (t: Test, statuses: number[], delayMs = 0) {
  const received: Received[] = []
  const app = fastify()
  app.post('/webhook/', async function hook (request, reply) {
    received.push({
      authorization: request.headers.authorization, body: request.body
    })
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs))
    return reply.code(statuses.shift() ?? 200).send({ seen: received.length })
  })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  t.teardown(() => app.close())
  return { url: `${url}/webhook/`, received }
}

const base = {
  secret: 'whsec', event: 'user.create', company: 'northwind',
  data: { id: 'u1' }, retryDelayMs: () => 5
}

t.test('retries on 500 and stops at the first 2xx', async (t) => {
  const sim = await startSim(t)
  const rx = await receiver(t, [500, 500, 202])
  const attempts = await sim.deliverWebhook({ ...base, url: rx.url, id: 7 })
  t.same(attempts.map((a) => a.status), [500, 500, 202])
  t.equal(attempts[2]?.body, '{"seen":3}')
  t.equal(rx.received.length, 3)
  for (const r of rx.received) {
    t.equal(r.authorization, 'Secret whsec')
    t.same(r.body, { id: 7, event: 'user.create', company: 'northwind',
      data: { id: 'u1' } })
  }
})

t.test('gives up after maxRetries with the same id each time', async (t) => {
  const sim = await startSim(t)
  const rx = await receiver(t, Array(10).fill(500))
  const attempts = await sim.deliverWebhook(
    { ...base, url: rx.url, maxRetries: 2 })
  t.same(attempts.map((a) => a.status), [500, 500, 500])
  const ids = new Set(rx.received.map((r) => (r.body as { id: string }).id))
  t.equal(ids.size, 1)
  t.match([...ids][0], /^[0-9a-f-]{36}$/)
})

t.test('a non-2xx success code like 204 is retried', async (t) => {
  const sim = await startSim(t)
  const rx = await receiver(t, [204, 201])
  const attempts = await sim.deliverWebhook({ ...base, url: rx.url })
  t.same(attempts.map((a) => a.status), [204, 201])
})

t.test('network errors and timeouts count as failed attempts', async (t) => {
  const sim = await startSim(t)
  const slow = await receiver(t, [], 300)
  const timedOut = await sim.deliverWebhook(
    { ...base, url: slow.url, maxRetries: 0, timeoutMs: 50 })
  t.match(timedOut, [{ status: null, error: /abort|timeout/i }])
  const closed = await sim.deliverWebhook(
    { ...base, url: 'http://127.0.0.1:1/webhook/', maxRetries: 1 })
  t.match(closed, [{ status: null, error: /ECONNREFUSED/ },
    { status: null, error: /ECONNREFUSED/ }])
})

t.test('the default delay grows and is capped at an hour', async (t) => {
  const delays = [1, 2, 3, 7, 20].map(defaultRetryDelayMs)
  t.same(delays.slice(0, 3), [1000, 4000, 16000])
  t.equal(delays[3], 3600000)
  t.equal(delays[4], 3600000)
})
