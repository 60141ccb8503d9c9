import { pino } from 'pino'
import type { Logger } from 'pino'
import { censorValue, maskedPaths } from './mask-fields.js'
import { redactPaths } from './redact-paths.js'

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Minimum level written. Default `'info'`. */
  level?: string
  /** Written as `name` on every line, e.g. `'api'` or `'worker'`. */
  name?: string
  /** Where lines go. Default stdout; tests pass an in-memory stream. */
  destination?: NodeJS.WritableStream
}

/**
 * Create the pino logger every Herald process uses. Credentials
 * ({@link redactPaths}) are written as `'[redacted]'`; personal data
 * (`email`, `to`, `recipient`, `mobile`, `phone`, top level and one level
 * down) is masked. Both apply to child-logger bindings as well.
 */
export function createLogger (options: LoggerOptions = {}): Logger {
  const config = {
    level: options.level ?? 'info',
    ...(options.name === undefined ? {} : { name: options.name }),
    redact: {
      paths: [...redactPaths, ...maskedPaths],
      censor: censorValue
    }
  }
  if (options.destination === undefined) return pino(config)
  return pino(config, options.destination)
}
