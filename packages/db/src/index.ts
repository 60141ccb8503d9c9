export * from './client.js'
export * from './errors.js'
export * from './secret-box.js'
export * from './migrate.js'
export * from './companies.js'
export * from './events.js'
export * from './deliveries.js'
export * from './notifications.js'
export {
  Prisma,
  type Company,
  type Notification,
  type WebhookEvent,
  type Delivery,
  type CompanyMode,
  type NotificationType,
  type DeliveryStatus,
  type WebhookEventStatus
} from './generated/prisma/client.js'
