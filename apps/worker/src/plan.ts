import {
  dedupeKey,
  type Company,
  type NewDelivery,
  type Notification,
  type WebhookEvent
} from '@herald/db'
import type { TemplateRenderer } from '@herald/templates'
import { eventUserId, type TemplateContext } from './context.js'

/** A deliberately loose check: the SMTP server has the final word. */
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/

/** Rendered `to_email` may list several addresses. */
export function splitAddresses (rendered: string): string[] {
  const parts = rendered.split(/[,;\s]+/).map((p) => p.trim()).filter(Boolean)
  return [...new Set(parts)]
}

interface PlanInput {
  renderer: TemplateRenderer
  company: Company
  event: WebhookEvent
  notification: Notification
  context: TemplateContext
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
  const [to, subject, textMessage, htmlMessage, fromEmail] = await Promise.all([
    render(notification.toEmail),
    render(notification.subject),
    render(notification.textMessage),
    render(notification.htmlMessage, true),
    render(notification.fromEmail)
  ])
  const base = {
    companyId: company.id,
    webhookEventId: event.id,
    notificationId: notification.id,
    type: notification.type,
    userId: eventUserId(event),
    subject,
    textMessage,
    htmlMessage,
    fromEmail: fromEmail.trim()
  }
  const key = (recipient: string) => dedupeKey({
    source: event.id, notificationId: notification.id, type: 'email', recipient
  })
  const addresses = splitAddresses(to)
  if (addresses.length === 0) {
    return [skipped(base, key('-'), '', 'no recipient: to_email rendered empty')]
  }
  return addresses.map((address) => EMAIL.test(address)
    ? { ...base, dedupeKey: key(address), recipient: address }
    : skipped(base, key(address), address, 'recipient is not an email address'))
}

function skipped (
  base: Omit<NewDelivery, 'dedupeKey' | 'recipient'>,
  key: string,
  recipient: string,
  reason: string
): NewDelivery {
  return { ...base, dedupeKey: key, recipient, status: 'skipped', errorMessage: reason }
}
