/**
 * Dev tool for people without a mail catcher: an SMTP sink on
 * SMTP_SINK_PORT (default 1025) and SMTP_SINK_HOST (default 127.0.0.1)
 * that prints the headers and text of every message it receives.
 *
 *   node --import tsx packages/testkit/src/smtp-sink-main.ts
 */
import { startSmtpSink } from './smtp-sink.js'
import type { SinkMessage } from './sink-message.js'

const DEFAULT_PORT = 1025

function print (message: SinkMessage): void {
  const headerEnd = message.raw.search(/\r?\n\r?\n/)
  const headers = headerEnd === -1 ? message.raw
    : message.raw.slice(0, headerEnd)
  const { mailFrom, rcptTo } = message.envelope
  process.stdout.write(
    `--- message from <${mailFrom}> to ${rcptTo.map((r) => `<${r}>`)
      .join(', ')}\n${headers}\n\n${message.text}\n\n`
  )
}

async function main (): Promise<void> {
  const port = Number(process.env.SMTP_SINK_PORT ?? DEFAULT_PORT)
  const host = process.env.SMTP_SINK_HOST ?? '127.0.0.1'
  const sink = await startSmtpSink({ port, host, onMessage: print })
  process.stdout.write(`smtp sink listening on ${sink.host}:${sink.port}\n`)
  const stop = (): void => {
    sink.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: unknown) => {
  process.stderr.write(`smtp sink failed: ${String(err)}\n`)
  process.exit(1)
})
