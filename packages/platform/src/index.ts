export * from './errors.js'
export type * from './types.js'
export {
  PlatformClient,
  type PlatformClientOptions
} from './platform-client.js'
export * from './authenticator.js'
export { PLATFORM_EVENTS } from './events.js'
