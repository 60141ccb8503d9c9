/** Thrown at start-up when the configuration does not match its schema. */
export class ConfigError extends Error {
  readonly code = 'HERALD_ERR_CONFIG_INVALID'

  constructor (message: string, options?: ErrorOptions) {
    super(`invalid configuration: ${message}`, options)
    this.name = 'ConfigError'
  }
}
