import t from 'tap'
import fastify from 'fastify'
import { seedTokens } from '../src/index.js'
import { call, startSim } from './helpers.js'

async function receiver (t: Parameters<typeof startSim>[0]) {
  const received: Array<{ authorization?: string, body: Record<string, unknown> }> = []
  const app = fastify()
  app.post('/hook', async (request) => {
    received.push({
      authorization: request.headers.authorization,
      body: request.body as Record<string, unknown>
    })
    return { ok: true }
  })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  t.teardown(() => app.close())
  return { url: `${url}/hook`, received }
}

t.test('sends an event to the company\'s registered webhooks with its secret', async (t) => {
  const sim = await startSim(t)
  const hook = await receiver(t)
  const token = `Token ${seedTokens.northwind.service}`
  await call(sim, 'POST', '/3/admin/webhooks/', token,
    { url: hook.url, event: 'transaction.execute', secret: 's3cret' })
  const res = await call(sim, 'POST', '/sim/events/', undefined,
    { company: 'northwind', event: 'transaction.execute', id: 'evt-1' })
  t.equal(res.status, 200)
  t.equal(hook.received.length, 1)
  t.equal(hook.received[0]?.authorization, 'Secret s3cret')
  t.match(hook.received[0]?.body, {
    id: 'evt-1', event: 'transaction.execute', company: 'northwind',
    data: { tx_type: 'debit', currency: { code: 'NGN' } }
  })
})

t.test('an event nobody registered, or without a sample, is a 400', async (t) => {
  const sim = await startSim(t)
  const none = await call(sim, 'POST', '/sim/events/', undefined,
    { company: 'northwind', event: 'transaction.execute' })
  t.equal(none.status, 400)
  const nodata = await call(sim, 'POST', '/sim/events/', undefined,
    { company: 'northwind', event: 'alert.create' })
  t.equal(nodata.status, 400)
})
