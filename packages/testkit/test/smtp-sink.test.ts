import { connect } from 'node:net'
import type { Socket } from 'node:net'
import nodemailer from 'nodemailer'
import t from 'tap'
import type { Test } from 'tap'
import { startSmtpSink } from '../src/index.js'
import type { SinkReply, SmtpSink } from '../src/index.js'
import { sampleMail, transportFor } from './helpers.js'

async function sinkFor (t: Test): Promise<SmtpSink> {
  const sink = await startSmtpSink()
  t.teardown(() => sink.close())
  return sink
}

t.test('listens on a free port of 127.0.0.1 by default', async (t) => {
  const sink = await sinkFor(t)
  t.equal(sink.host, '127.0.0.1')
  t.ok(sink.port > 0)
})

t.test('a port in use rejects startSmtpSink', async (t) => {
  const sink = await sinkFor(t)
  await t.rejects(startSmtpSink({ port: sink.port }), { code: 'EADDRINUSE' })
})

t.test('accepts a message with 250 and parses it', async (t) => {
  const sink = await sinkFor(t)
  const info = await transportFor(sink).sendMail(sampleMail({
    headers: { 'X-Herald-Delivery': 'd-1' }
  }))
  t.match(info.response, /^250 /)

  const [message] = await sink.waitForMessages(1)
  t.match(message, {
    from: 'no-reply@herald.test',
    to: ['lina.okafor@example.org'],
    subject: 'Your transfer was sent',
    text: 'You sent 10.00 USD.',
    html: '<p>You sent <b>10.00 USD</b>.</p>',
    messageId: info.messageId,
    envelope: {
      mailFrom: 'no-reply@herald.test',
      rcptTo: ['lina.okafor@example.org']
    }
  })
  t.equal(message?.headers.get('x-herald-delivery'), 'd-1')
  t.match(message?.raw, /^Subject: Your transfer was sent\r?$/m)
  t.equal(sink.attempts, 1)
})

t.test('several recipients and no html part', async (t) => {
  const sink = await sinkFor(t)
  await transportFor(sink).sendMail(sampleMail({
    to: ['a@example.org', 'Bea <b@example.org>'],
    html: undefined
  }))
  const [message] = await sink.waitForMessages(1)
  t.same(message?.to, ['a@example.org', 'b@example.org'])
  t.same(message?.envelope.rcptTo, ['a@example.org', 'b@example.org'])
  t.equal(message?.html, '')
})

function delay (ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Speak SMTP up to the middle of DATA, then leave the socket open. */
async function sendPartialData (sink: SmtpSink): Promise<Socket> {
  const socket = connect(sink.port, sink.host)
  // one command after each complete reply: greeting, EHLO, MAIL, RCPT
  const commands = ['EHLO test', 'MAIL FROM:<a@herald.test>',
    'RCPT TO:<b@example.org>', 'DATA']
  let reply = ''
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject)
    socket.on('data', (chunk) => {
      reply += chunk.toString()
      // the last line of a reply is `NNN text`, earlier ones `NNN-text`
      if (!/(^|\r\n)\d{3} [^\r\n]*\r\n$/.test(reply)) return
      if (reply.startsWith('354 ')) {
        socket.write('Subject: half\r\n\r\nhal')
        resolve()
        return
      }
      reply = ''
      socket.write(`${commands.shift() ?? 'QUIT'}\r\n`)
    })
  })
  return socket
}

const rejections: SinkReply[] = [
  { code: 451 },
  { code: 550, message: 'No such user here' },
  { code: 554 }
]

for (const reply of rejections) {
  t.test(`a ${reply.code} reply rejects sendMail`, async (t) => {
    const sink = await sinkFor(t)
    sink.setReply(() => reply)
    await t.rejects(transportFor(sink).sendMail(sampleMail()), {
      code: 'EMESSAGE',
      responseCode: reply.code
    })
    t.same(sink.messages, [], 'nothing recorded')
    t.equal(sink.attempts, 1, 'the attempt is counted')
  })
}

t.test('with users, a wrong password is refused with 535', async (t) => {
  const sink = await startSmtpSink({ users: { herald: 'right' } })
  t.teardown(() => sink.close())
  const login = (pass: string) => nodemailer.createTransport({
    host: sink.host, port: sink.port, secure: false,
    auth: { user: 'herald', pass }
  }).sendMail(sampleMail())
  await t.rejects(login('wrong'), { code: 'EAUTH', responseCode: 535 })
  t.same([sink.authAttempts, sink.attempts], [1, 0], 'no DATA after it')
  await login('right')
  t.same([sink.authAttempts, sink.messages.length], [2, 1])
})

t.test('the reply text reaches the client', async (t) => {
  const sink = await sinkFor(t)
  sink.setReply(() => ({ code: 550, message: 'No such user here' }))
  await t.rejects(transportFor(sink).sendMail(sampleMail()), {
    code: 'EMESSAGE',
    responseCode: 550,
    response: /^550 No such user here/
  })
})

t.test('the reply function sees attempt and envelope', async (t) => {
  const sink = await sinkFor(t)
  const seen: Array<[number, string[]]> = []
  sink.setReply((attempt, envelope) => {
    seen.push([attempt, envelope.rcptTo])
    return attempt === 1 ? { code: 451 } : { code: 250 }
  })
  const transport = transportFor(sink)
  await t.rejects(transport.sendMail(sampleMail()), {
    code: 'EMESSAGE',
    responseCode: 451
  })
  await transport.sendMail(sampleMail())
  t.same(seen, [
    [1, ['lina.okafor@example.org']],
    [2, ['lina.okafor@example.org']]
  ])
  t.equal(sink.attempts, 2)
  t.equal(sink.messages.length, 1)
})

t.test('an async reply function is awaited', async (t) => {
  const sink = await sinkFor(t)
  sink.setReply(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20))
    return { code: 452 }
  })
  await t.rejects(transportFor(sink).sendMail(sampleMail()), {
    code: 'EMESSAGE',
    responseCode: 452
  })
})

t.test('onDataStart runs before the message is accepted', async (t) => {
  const sink = await sinkFor(t)
  const events: string[] = []
  sink.onDataStart((attempt) => {
    events.push(`start ${attempt} with ${sink.messages.length} accepted`)
  })
  await transportFor(sink).sendMail(sampleMail())
  t.same(events, ['start 1 with 0 accepted'])
  t.equal(sink.messages.length, 1)
})

t.test('a failing onDataStart hook answers 451', async (t) => {
  const sink = await sinkFor(t)
  sink.onDataStart(() => {
    throw new Error('hook broke')
  })
  await t.rejects(transportFor(sink).sendMail(sampleMail()), {
    code: 'EMESSAGE',
    responseCode: 451,
    response: /smtp sink: hook broke/
  })
  t.same(sink.messages, [])
})

t.test('waitForMessages waits for messages still to come', async (t) => {
  const sink = await sinkFor(t)
  const waiting = sink.waitForMessages(2, 5000)
  const transport = transportFor(sink)
  await transport.sendMail(sampleMail({ subject: 'one' }))
  await transport.sendMail(sampleMail({ subject: 'two' }))
  const messages = await waiting
  t.same(messages.map((m) => m.subject), ['one', 'two'])
})

t.test('waitForMessages times out with a clear error', async (t) => {
  const sink = await sinkFor(t)
  await transportFor(sink).sendMail(sampleMail())
  await t.rejects(sink.waitForMessages(3, 50), {
    name: 'SinkTimeoutError',
    code: 'HERALD_ERR_TESTKIT_SINK_TIMEOUT',
    message: 'smtp sink: expected 3 message(s) within 50 ms, received 1'
  })
})

t.test('close rejects pending waiters and is idempotent', async (t) => {
  const sink = await startSmtpSink()
  const waiting = sink.waitForMessages(1, 5000)
  await sink.close()
  await sink.close()
  await t.rejects(waiting, { code: 'HERALD_ERR_TESTKIT_SINK_CLOSED' })
})

t.test('close does not wait for pooled connections', async (t) => {
  const sink = await startSmtpSink()
  const transport = nodemailer.createTransport({
    host: sink.host, port: sink.port, secure: false, pool: true
  })
  t.teardown(() => transport.close())
  await transport.sendMail(sampleMail())
  const started = Date.now()
  await sink.close()
  t.ok(Date.now() - started < 2000, 'closed promptly')
})

t.test('a client reset mid-DATA is counted, not recorded', async (t) => {
  const sink = await sinkFor(t)
  const started = new Promise<number>((resolve) => {
    sink.onDataStart(resolve)
  })
  const client = await sendPartialData(sink)
  t.equal(await started, 1)
  await delay(50)
  // a killed process resets its connections: the sink must survive that
  client.resetAndDestroy()
  await delay(50)
  t.equal(sink.attempts, 1)
  t.same(sink.messages, [])

  await transportFor(sink).sendMail(sampleMail())
  t.equal(sink.attempts, 2, 'the sink still works')
  t.equal(sink.messages.length, 1)
})

t.test('reset forgets messages, attempts and the reply', async (t) => {
  const sink = await sinkFor(t)
  const transport = transportFor(sink)
  sink.setReply(() => ({ code: 451 }))
  await t.rejects(transport.sendMail(sampleMail()))
  sink.setReply(() => ({ code: 250 }))
  await transport.sendMail(sampleMail())
  sink.setReply(() => ({ code: 550 }))
  sink.reset()
  t.equal(sink.attempts, 0)
  t.same(sink.messages, [])
  await transport.sendMail(sampleMail())
  t.equal(sink.messages.length, 1)
  t.equal(sink.attempts, 1)
})
