import { loadConfig } from '@herald/config'
import { createLogger } from '@herald/log'
import { buildApp } from './app.js'

/** Starts the API: the only place that listens and handles signals. */
async function main (): Promise<void> {
  const config = loadConfig({ dotenv: true })
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'herald-api' })
  const app = await buildApp({ config, logger })
  let stopping = false

  async function stop (signal: string): Promise<void> {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    const timer = setTimeout(() => {
      logger.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out')
      process.exit(1)
    }, config.SHUTDOWN_TIMEOUT_MS)
    timer.unref()
    await app.close()
    logger.info('stopped')
    process.exit(0)
  }
  process.once('SIGTERM', () => void stop('SIGTERM'))
  process.once('SIGINT', () => void stop('SIGINT'))

  await app.listen({ host: config.HOST, port: config.PORT })
}

main().catch((err: unknown) => {
  process.stderr.write(`herald-api failed to start: ${(err as Error).message}\n`)
  process.exit(1)
})
