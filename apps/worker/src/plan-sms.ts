import type { NewDelivery } from '@herald/db'
import { isE164, normalizeNumber } from './e164.js'
import type { PlanInput } from './plan.js'
import { keyOf, skipped, type RowBase } from './plan-rows.js'
import { recipientUserId } from './plan-user.js'

/**
 * The SMS one notification makes for one event: to the numbers `to_mobile`
 * renders to, or, when the notification has no `to_mobile`, to the mobile
 * of the user (`to_user`, else the event's user) on the platform. Without
 * Twilio credentials, or without a usable number, the row is skipped.
 */
export async function planSms (input: PlanInput): Promise<NewDelivery[]> {
  const { renderer, company, event, notification, context } = input
  const render = (source: string) =>
    renderer.render(source, context, { autoescape: false })
  const [smsMessage, toMobile, userId] = await Promise.all([
    render(notification.smsMessage),
    render(notification.toMobile),
    recipientUserId(input)
  ])
  const base: RowBase = {
    companyId: company.id,
    webhookEventId: event.id,
    notificationId: notification.id,
    type: 'sms',
    userId,
    smsMessage,
    provider: 'twilio'
  }
  const key = (recipient: string) => keyOf(event, notification, 'sms', recipient)
  if (!input.providers.has('twilio')) {
    return [skipped(base, key('-'), '', 'company has no twilio credentials')]
  }
  const numbers = notification.toMobile.trim()
    ? splitNumbers(toMobile)
    : await userNumbers(input, userId)
  if (typeof numbers === 'string') return [skipped(base, key('-'), '', numbers)]
  return numbers.map(normalizeNumber).map((number) => isE164(number)
    ? { ...base, dedupeKey: key(number), recipient: number }
    : skipped(base, key(number), number, 'recipient is not an E.164 number'))
}

/** Rendered `to_mobile` may list numbers; spaces belong to a number. */
function splitNumbers (rendered: string): string[] {
  const parts = rendered.split(/[,;\n]+/).map(normalizeNumber).filter(Boolean)
  return [...new Set(parts)]
}

/** The user's mobile as a one-item list, or the reason there is none. */
async function userNumbers (
  input: PlanInput,
  userId: string | null
): Promise<string[] | string> {
  if (userId === null) return 'no recipient: no to_mobile and the event names no user'
  const user = await input.directory.user(userId)
  if (user === null) return 'user not found on the platform'
  if (!user.mobile) return 'user has no mobile number'
  return [user.mobile]
}
