import { Writable } from 'node:stream'
import { createLogger } from '../src/index.js'
import type { Logger, LoggerOptions } from '../src/index.js'

export interface Captured {
  logger: Logger
  /** Everything written so far, as one string. */
  raw(): string
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[]
}

/** A logger whose output is kept in memory. */
export function captureLogger (
  options: Omit<LoggerOptions, 'destination'> = {}
): Captured {
  const chunks: string[] = []
  const destination = new Writable({
    write (chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString())
      callback()
    }
  })
  const logger = createLogger({ ...options, destination })
  const raw = (): string => chunks.join('')
  const lines = (): Record<string, unknown>[] => raw()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
  return { logger, raw, lines }
}
