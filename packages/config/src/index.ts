import envSchema from 'env-schema'
import { ConfigSchema, type Config } from './schema.js'
import { ConfigError } from './errors.js'

export { ConfigSchema, type Config } from './schema.js'
export { ConfigError } from './errors.js'

export interface LoadConfigOptions {
  /** Values to read instead of `process.env`. */
  env?: Record<string, string | undefined>
  /** Read a `.env` file in the working directory as well. Default: false. */
  dotenv?: boolean
}

/**
 * Reads and validates the configuration once. A missing or malformed key
 * throws a {@link ConfigError} whose message names the key.
 */
export function loadConfig (options: LoadConfigOptions = {}): Config {
  const data = options.env ?? process.env
  try {
    return envSchema<Config>({
      schema: ConfigSchema,
      data: { ...data },
      env: false,
      dotenv: options.dotenv ?? false
    })
  } catch (err) {
    throw new ConfigError((err as Error).message, { cause: err })
  }
}
