import { loadConfig } from '@herald/config'
import { createLogger } from '@herald/log'
import { startWorker } from './worker.js'

/** Starts the worker: the only place that reads signals. */
function main (): void {
  const config = loadConfig({ dotenv: true })
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'herald-worker' })
  const worker = startWorker(config, logger)
  logger.info({ concurrency: config.WORKER_CONCURRENCY }, 'worker started')

  async function stop (signal: string): Promise<void> {
    logger.info({ signal }, 'shutting down')
    await worker.close()
    logger.info('stopped')
    process.exit(0)
  }
  process.once('SIGTERM', () => void stop('SIGTERM'))
  process.once('SIGINT', () => void stop('SIGINT'))
}

try {
  main()
} catch (err) {
  process.stderr.write(`herald-worker failed to start: ${(err as Error).message}\n`)
  process.exit(1)
}
