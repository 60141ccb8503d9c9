import { loadConfig } from '@herald/config'
import { createLogger } from '@herald/log'
import { startMetricsServer, type MetricsServer } from './metrics-server.js'
import { startWorker } from './worker.js'

/**
 * Starts the worker: the only place that reads signals and listens (the
 * metrics endpoint, on `WORKER_METRICS_PORT` unless that is 0).
 */
async function main (): Promise<void> {
  const config = loadConfig({ dotenv: true })
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'herald-worker' })
  const worker = startWorker(config, logger)
  logger.info({ concurrency: config.WORKER_CONCURRENCY }, 'worker started')
  let server: MetricsServer | null = null

  async function stop (signal: string): Promise<void> {
    logger.info({ signal }, 'shutting down')
    await Promise.allSettled([worker.close(), server?.close()])
    logger.info('stopped')
    process.exit(0)
  }
  process.once('SIGTERM', () => void stop('SIGTERM'))
  process.once('SIGINT', () => void stop('SIGINT'))

  if (config.WORKER_METRICS_PORT === 0) return
  server = await startMetricsServer({
    registry: worker.metrics.registry,
    host: config.HOST,
    port: config.WORKER_METRICS_PORT,
    token: config.METRICS_TOKEN
  })
  logger.info({ port: server.port }, 'metrics listening')
}

main().catch((err: unknown) => {
  process.stderr.write(`herald-worker failed to start: ${(err as Error).message}\n`)
  process.exit(1)
})
