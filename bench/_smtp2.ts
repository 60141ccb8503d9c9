import nodemailer from 'nodemailer'
import { SMTPServer } from 'smtp-server'
let n = 0
const server = new SMTPServer({ logger: false, authOptional: true, disabledCommands: ['STARTTLS'], onData (stream, _s, cb) { stream.on('data', () => {}); stream.on('end', () => { n++; cb(null) }) } })
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
const port = (server.server.address() as { port: number }).port
for (const conns of [1, 8]) {
  const t = nodemailer.createTransport({ pool: true, maxConnections: conns, host: '127.0.0.1', port, secure: false })
  const N = 300; let i = 0
  const t0 = performance.now()
  async function lane () { while (i < N) { i++; await t.sendMail({ from: 'a@b.org', to: 'c@d.org', subject: 'hi', text: 'hello', html: '<p>x</p>' }) } }
  await Promise.all(Array.from({ length: 16 }, lane))
  const s = (performance.now() - t0) / 1000
  console.log(`conns ${conns}: ${(N / s).toFixed(0)}/s, ${(1000 * s / N * conns).toFixed(1)} ms per message per connection`)
  t.close()
}
server.close()
