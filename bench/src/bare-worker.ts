// The delivery ceiling: a bare BullMQ worker that sends one prepared email
// per job through Herald's own default SMTP transport, and touches no
// database. Run as a child process, like Herald's worker, configured by
// the same environment.
import { Worker, type Job } from 'bullmq'
import { loadConfig } from '@herald/config'
import { createRedis } from '@herald/queue'
import { createDefaultTransport } from '@herald/worker'
import { BARE_QUEUE, type PreparedEmail } from './bare-queue.js'

function preparedEmail (): PreparedEmail {
  const json = process.env.BENCH_EMAIL
  if (json === undefined) throw new Error('BENCH_EMAIL is not set')
  return JSON.parse(json) as PreparedEmail
}

async function main (): Promise<void> {
  const config = loadConfig({ dotenv: false })
  const email = preparedEmail()
  const transport = createDefaultTransport(config)
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
