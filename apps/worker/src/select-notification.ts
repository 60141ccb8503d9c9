import type { NewDelivery, Notification } from '@herald/db'
import {
  evaluateCondition, parseVariants, pickVariant
} from '@herald/templates'
import type { Variant, VariantField } from '@herald/templates'
import { eventUserId } from './context.js'
import type { PlanInput } from './plan.js'
import { keyOf, skipped } from './plan-rows.js'
import { recipientUserId } from './plan-user.js'

/** Longest condition failure reason kept on the delivery row. */
const MAX_REASON = 500

/** Variant field (API name) → Notification column. */
const COLUMNS: Record<VariantField, keyof Notification> = {
  subject: 'subject',
  text_message: 'textMessage',
  html_message: 'htmlMessage',
  sms_message: 'smsMessage',
  push_message: 'pushMessage'
}

/** What the send condition decided for one notification and event. */
export type ConditionGate =
  | { send: true }
  | { send: false, reason?: string, row?: NewDelivery }

/**
 * The notification's `expression` for this event. False sends nothing; a
 * failure (bad syntax, an error while evaluating) also sends nothing and
 * is recorded as a skipped delivery whose error message is the reason,
 * so admins find it in the delivery log.
 */
export async function conditionGate (input: PlanInput): Promise<ConditionGate> {
  const { renderer, notification, context, event, company } = input
  const result = await evaluateCondition(renderer, notification.expression, context)
  if (result.send) return { send: true }
  if (result.error === undefined) return { send: false }
  const reason = `send condition failed: ${result.error.message}`
    .slice(0, MAX_REASON)
  const base = {
    companyId: company.id,
    webhookEventId: event.id,
    notificationId: notification.id,
    type: notification.type,
    userId: eventUserId(event)
  }
  const key = keyOf(event, notification, notification.type, 'condition')
  return { send: false, reason, row: skipped(base, key, '', reason) }
}

/** The notification with a variant's non-empty fields in place. */
export function withVariant (
  notification: Notification, variant: Variant | undefined
): Notification {
  if (variant === undefined) return notification
  const chosen: Notification = { ...notification }
  for (const [field, column] of Object.entries(COLUMNS)) {
    const text = variant[field as VariantField]
    if (text !== undefined && text !== '') {
      (chosen as Record<string, unknown>)[column] = text
    }
  }
  return chosen
}

/** The notification in `language`, when it has a variant for it. */
export function inLanguage (
  notification: Notification, language: string | null | undefined
): Notification {
  const variants = parseVariants(notification.variants)
  return withVariant(notification, pickVariant(variants, language))
}

/**
 * The notification in its recipient's language: the platform's record
 * of the recipient (read only when the notification has variants) picks
 * a variant, falling back to the notification's own fields.
 */
export async function localized (input: PlanInput): Promise<Notification> {
  const variants = parseVariants(input.notification.variants)
  if (Object.keys(variants).length === 0) return input.notification
  const userId = await recipientUserId(input)
  const user = userId === null ? null : await input.directory.user(userId)
  return withVariant(input.notification, pickVariant(variants, user?.language))
}
