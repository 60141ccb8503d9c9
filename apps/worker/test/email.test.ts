import { createServer, type Socket } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import t from 'tap'
import type { Test } from 'tap'
import type { Company, Delivery } from '@herald/db'
import { startSmtpSink, testConfig } from '@herald/testkit'
import { createEmailChannel } from '../src/channels/email.js'
import { classifyFailure } from '../src/failures.js'

const company = { id: 'co-email', systemEmail: null } as Company

function deliveryOf (id: string): Delivery {
  return {
    id, recipient: 'lina@example.org', subject: 'Paid',
    textMessage: 'Hi', htmlMessage: '', fromEmail: 'no-reply@example.org'
  } as Delivery
}

/** An SMTP server that sends its greeting, then never says another word. */
async function greetsThenStalls (t: Test): Promise<number> {
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => {})
    socket.write('220 stall.test ESMTP ready\r\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => {
    for (const socket of sockets) socket.destroy()
    server.close(() => resolve())
  }))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** The send's error, or a failure once `boundMs` pass without one. */
async function failureWithin (send: Promise<unknown>, boundMs: number) {
  const late = delay(boundMs).then(() => {
    throw new Error(`send still waiting after ${boundMs} ms`)
  })
  return Promise.race([send.then(() => null, (err: unknown) => err), late])
}

t.test('a server that stalls after its greeting fails the send as transient', async (t) => {
  const port = await greetsThenStalls(t)
  const channel = createEmailChannel(testConfig({
    SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), PROVIDER_TIMEOUT_MS: '300'
  }))
  t.teardown(() => channel.close())
  const started = Date.now()
  const err = await failureWithin(channel.send(deliveryOf('d-stall'), company), 5000)
  t.ok(Date.now() - started < 5000, 'within the bound, not nodemailer\'s 10 min')
  t.match(err, { code: 'ETIMEDOUT' })
  t.match(classifyFailure(err), {
    class: 'transient', reason: /^connection to provider failed: /
  })
})

t.test('an idle pooled connection that times out is replaced', async (t) => {
  const sink = await startSmtpSink()
  t.teardown(() => sink.close())
  const channel = createEmailChannel(testConfig({
    SMTP_HOST: sink.host, SMTP_PORT: String(sink.port), PROVIDER_TIMEOUT_MS: '200'
  }))
  t.teardown(() => channel.close())
  await channel.send(deliveryOf('d-before'), company)
  await delay(500)
  await channel.send(deliveryOf('d-after'), company)
  const messages = await sink.waitForMessages(2)
  t.same(messages.map((m) => m.messageId), [
    '<d-before@herald.test>', '<d-after@herald.test>'
  ])
  t.equal(sink.attempts, 2, 'each sent once')
})
