import {
  dedupeKey,
  type Company,
  type NewDelivery,
  type Notification,
  type WebhookEvent
} from '@herald/db'
import type { TemplateRenderer } from '@herald/templates'
import type { TemplateContext } from './context.js'
import { planPush } from './plan-push.js'
import { skipped } from './plan-rows.js'
import { planSms } from './plan-sms.js'
import { recipientUserId } from './plan-user.js'
import type { UserDirectory } from './user-directory.js'

/** A deliberately loose check: the SMTP server has the final word. */
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/

/** Rendered `to_email` may list several addresses. */
export function splitAddresses (rendered: string): string[] {
  const parts = rendered.split(/[,;\s]+/).map((p) => p.trim()).filter(Boolean)
  return [...new Set(parts)]
}

export interface PlanInput {
  renderer: TemplateRenderer
  company: Company
  event: WebhookEvent
  notification: Notification
  context: TemplateContext
  /** Users' platform records, devices and browser subscriptions. */
  directory: UserDirectory
  /** Credential types the company stored (`sendgrid`, `twilio`, ...). */
  providers: ReadonlySet<string>
}

/** The deliveries of one notification for one event, on its channel. */
export function planDeliveries (input: PlanInput): Promise<NewDelivery[]> {
  switch (input.notification.type) {
    case 'sms': return planSms(input)
    case 'push': return planPush(input)
    default: return planEmail(input)
  }
}

/**
 * The deliveries one notification makes for one event: one row per
 * recipient, with the message rendered once and stored on the row.
 * No usable address is recorded as a skipped delivery with its reason.
 */
export async function planEmail (input: PlanInput): Promise<NewDelivery[]> {
  const { renderer, company, event, notification, context } = input
  const render = (source: string, autoescape = false) =>
    renderer.render(source, context, { autoescape })
  const [to, subject, textMessage, htmlMessage, fromEmail, userId] = await Promise.all([
    render(notification.toEmail),
    render(notification.subject),
    render(notification.textMessage),
    render(notification.htmlMessage, true),
    render(notification.fromEmail),
    recipientUserId(input)
  ])
  const base = {
    companyId: company.id,
    webhookEventId: event.id,
    notificationId: notification.id,
    type: notification.type,
    userId,
    subject,
    textMessage,
    htmlMessage,
    fromEmail: fromEmail.trim(),
    provider: input.providers.has('sendgrid') ? 'sendgrid' : 'smtp'
  }
  const key = (recipient: string) => dedupeKey({
    source: event.id, notificationId: notification.id, type: 'email', recipient
  })
  const addresses = notification.toEmail.trim()
    ? splitAddresses(to)
    : await userAddress(input, userId)
  if (typeof addresses === 'string') {
    return [skipped(base, key('-'), '', addresses)]
  }
  if (addresses.length === 0) {
    return [skipped(base, key('-'), '', 'no recipient: to_email rendered empty')]
  }
  return addresses.map((address) => EMAIL.test(address)
    ? { ...base, dedupeKey: key(address), recipient: address }
    : skipped(base, key(address), address, 'recipient is not an email address'))
}

/**
 * A notification without `to_email` goes to its user's address on the
 * platform: a one-item list, or the reason there is none.
 */
async function userAddress (
  input: PlanInput,
  userId: string | null
): Promise<string[] | string> {
  if (userId === null) return 'no recipient: no to_email and the event names no user'
  const user = await input.directory.user(userId)
  if (user === null) return 'user not found on the platform'
  if (!user.email) return 'user has no email address'
  return [user.email]
}
