export * from './client.js'
export * from './errors.js'
export * from './secret-box.js'
export * from './migrate.js'
export * from './companies.js'
export * from './events.js'
export * from './event-with-company.js'
export * from './deliveries.js'
export * from './notifications.js'
export * from './credentials.js'
export * from './push.js'
export * from './layouts.js'
export * from './preferences.js'
export * from './triggers.js'
export * from './delivery-logs.js'
export * from './company-settings.js'
export * from './lookup-cache.js'
export {
  Prisma,
  type Company,
  type Notification,
  type WebhookEvent,
  type Delivery,
  type PushSubscription,
  type Layout,
  type Credential,
  type Trigger,
  type UserPreference,
  type CompanyMode,
  type NotificationType,
  type DeliveryStatus,
  type WebhookEventStatus
} from './generated/prisma/client.js'
export * from './rotate-secrets.js'
