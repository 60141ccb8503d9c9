export type { Logger } from 'pino'
export { createLogger } from './create-logger.js'
export type { LoggerOptions } from './create-logger.js'
export {
  maskEmail,
  maskPhone,
  maskRecipient,
  maskSecret
} from './mask.js'
export { redactPaths } from './redact-paths.js'
