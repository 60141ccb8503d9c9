import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import nodemailer from 'nodemailer'
import t from 'tap'
import { sampleMail } from './helpers.js'

const main = fileURLToPath(new URL('../src/smtp-sink-main.ts', import.meta.url))

t.test('prints the headers and text of each message', async (t) => {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, SMTP_SINK_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  t.teardown(() => { child.kill('SIGTERM') })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })

  const port = await listeningPort(() => output)
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port })
  await transport.sendMail(sampleMail())
  await waitFor(() => output.includes('You sent 10.00 USD.'))

  t.match(output, /^--- message from <no-reply@herald\.test> to <lina/m)
  t.match(output, /^Subject: Your transfer was sent\r?$/m)
  t.match(output, /^To: lina\.okafor@example\.org\r?$/m)
  child.kill('SIGTERM')
  const [code] = await once(child, 'exit')
  t.equal(code, 0, 'exits cleanly on SIGTERM')
})

async function listeningPort (read: () => string): Promise<number> {
  await waitFor(() => /listening on [\d.]+:\d+/.test(read()))
  const match = /listening on [\d.]+:(\d+)/.exec(read())
  return Number(match?.[1])
}

async function waitFor (
  ready: () => boolean,
  timeoutMs = 10_000
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!ready()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for output')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
