import { createServer, Socket, type AddressInfo, type Server } from 'node:net'
import t from 'tap'
import type { Company, Delivery } from '@herald/db'
import { startSmtpSink, testConfig } from '@herald/testkit'
import { createEmailChannel } from '../src/channels/email.js'
import { connectWithoutDelay } from '../src/channels/smtp-socket.js'
import { classifyFailure } from '../src/failures.js'

type Connected = { err: Error | null, connection?: Socket }

function connectTo (port: number, timeoutMs?: number): Promise<Connected> {
  return new Promise((resolve) => {
    connectWithoutDelay({
      host: '127.0.0.1',
      port,
      ...(timeoutMs === undefined ? {} : { connectionTimeout: timeoutMs })
    }, (err, options) => resolve({ err, connection: options?.connection }))
  })
}

async function listening (t: { teardown (fn: () => unknown): void }): Promise<Server> {
  const server = createServer((socket) => socket.end())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return server
}

const portOf = (server: Server): number => (server.address() as AddressInfo).port

t.test('hands over a connected socket with Nagle off', async (t) => {
  const noDelay = t.capture(Socket.prototype, 'setNoDelay')
  const server = await listening(t)
  const { err, connection } = await connectTo(portOf(server))
  t.equal(err, null)
  t.equal(connection?.remotePort, portOf(server))
  t.ok(noDelay().some((call) => call.receiver === connection &&
    call.args[0] === true), 'setNoDelay(true) on that socket')
  connection?.destroy()
})

t.test('a refused connection is a transient unreachable failure', async (t) => {
  const server = await listening(t)
  const port = portOf(server)
  await new Promise<void>((resolve) => server.close(() => resolve()))
  const { err } = await connectTo(port)
  t.match(err, { code: 'HERALD_ERR_CHANNEL_UNREACHABLE' })
  t.match((err as Error).cause, { code: 'ECONNREFUSED' })
  t.equal(classifyFailure(err).class, 'transient')
})

t.test('the email channel sends over such sockets', async (t) => {
  const sink = await startSmtpSink()
  t.teardown(() => sink.close())
  const noDelay = t.capture(Socket.prototype, 'setNoDelay')
  const channel = createEmailChannel(testConfig({
    SMTP_HOST: sink.host,
    SMTP_PORT: String(sink.port)
  }))
  t.teardown(() => channel.close())
  const delivery = {
    id: 'd-nagle', recipient: 'lina@example.org', subject: 'Paid',
    textMessage: 'Hi', htmlMessage: '', fromEmail: 'no-reply@example.org'
  } as Delivery
  await channel.send(delivery, { id: 'co', systemEmail: null } as Company)
  const [message] = await sink.waitForMessages(1)
  t.equal(message?.subject, 'Paid')
  // the sink turns Nagle off on its own side too: look at the client's
  const client = noDelay().filter((call) => call.args[0] === true &&
    (call.receiver as Socket).remotePort === sink.port)
  t.equal(client.length, 1, 'the pooled connection has Nagle off')
})
