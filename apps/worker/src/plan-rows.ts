import {
  dedupeKey,
  type NewDelivery,
  type Notification,
  type NotificationType,
  type WebhookEvent
} from '@herald/db'

/** A planned row before its key and recipient are known. */
export type RowBase = Omit<NewDelivery, 'dedupeKey' | 'recipient'>

/** The dedupe key of one message of this event and notification. */
export function keyOf (
  event: WebhookEvent,
  notification: Notification,
  type: NotificationType,
  recipient: string
): string {
  return dedupeKey({
    source: event.id, notificationId: notification.id, type, recipient
  })
}

/**
 * A row recording that nothing is sent, and why: a user without an
 * address, a company without the provider. Not a failure.
 */
export function skipped (
  base: RowBase,
  key: string,
  recipient: string,
  reason: string
): NewDelivery {
  return { ...base, dedupeKey: key, recipient, status: 'skipped', errorMessage: reason }
}
