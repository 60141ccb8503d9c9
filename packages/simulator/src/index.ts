export { createSimulator } from './simulator.js'
export type { Simulator, SimulatorOptions } from './simulator.js'
export { defaultSeed, seedTokens } from './seed.js'
export { isolatedSeed, type IsolatedSeed } from './isolated-seed.js'
export { seedUserIds } from './seed-people.js'
export { deliverWebhook, defaultRetryDelayMs } from './deliver-webhook.js'
export { tokenOf } from './auth.js'
export { WEBHOOK_EVENTS } from './webhook-events.js'
export { PlatformError, SimulatorNotListeningError, errorCodes }
  from './errors.js'
export type { FieldErrors } from './errors.js'
export type { Page } from './pagination.js'
export type { SuccessBody, ErrorBody } from './envelope.js'
export type {
  SimGroup, SimUser, SimDevice, SimCompany, SimTransaction, SimSeed,
  RegisteredWebhook, DeliveryAttempt, DeliverOptions, RecordedRequest
} from './types.js'
