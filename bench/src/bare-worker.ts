// The delivery ceiling: a bare BullMQ worker that sends one prepared email
// per job through a nodemailer transport set up as Herald's email channel
// sets up its default one, and touches no database. Run as a child
// process, like Herald's worker, with the same queue options.
import { Worker, type Job } from 'bullmq'
import nodemailer from 'nodemailer'
import { loadConfig } from '@herald/config'
import { createRedis } from '@herald/queue'
import { BARE_QUEUE, type PreparedEmail } from './bare-queue.js'

function preparedEmail (): PreparedEmail {
  const json = process.env.BENCH_EMAIL
  if (json === undefined) throw new Error('BENCH_EMAIL is not set')
  return JSON.parse(json) as PreparedEmail
}

async function main (): Promise<void> {
  const config = loadConfig({ dotenv: false })
  const email = preparedEmail()
  // as apps/worker/src/channels/email.ts: pooled, its connection cap
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: Math.min(config.WORKER_CONCURRENCY, 8),
    connectionTimeout: config.PROVIDER_TIMEOUT_MS,
    greetingTimeout: config.PROVIDER_TIMEOUT_MS,
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE
  })
  const domain = new URL(config.PUBLIC_URL).hostname
  async function send (job: Job<{ n: number }>): Promise<string> {
    const id = `bare-${job.data.n}`
    await transport.sendMail({
      ...email,
      messageId: `<${id}@${domain}>`,
      headers: { 'X-Herald-Delivery': id }
    })
    return 'sent'
  }
  const worker = new Worker(BARE_QUEUE, send, {
    connection: createRedis(config.REDIS_URL, 'worker'),
    prefix: config.QUEUE_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    lockDuration: config.WORKER_LOCK_MS
  })
  worker.on('error', (err) => process.stderr.write(`${err.message}\n`))
  const stop = (): void => {
    worker.close().finally(() => {
      transport.close()
      process.exit(0)
    })
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

main().catch((err: unknown) => {
  process.stderr.write(`bare worker failed: ${String(err)}\n`)
  process.exit(1)
})
