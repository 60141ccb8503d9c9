import type { NewDelivery } from '@herald/db'
import type { PlanInput } from './plan.js'
import { keyOf, skipped, type RowBase } from './plan-rows.js'
import { recipientUserId } from './plan-user.js'

/**
 * The pushes one notification makes for one event: one per Expo token of
 * the user's devices (read from the platform) and one per browser
 * subscription the user registered here. A company with push switched
 * off, or a user with nothing to push to, gives one skipped row.
 */
export async function planPush (input: PlanInput): Promise<NewDelivery[]> {
  const { renderer, company, event, notification, context, directory } = input
  const render = (source: string) =>
    renderer.render(source, context, { autoescape: false })
  const [subject, pushMessage, userId] = await Promise.all([
    render(notification.subject),
    render(notification.pushMessage),
    recipientUserId(input)
  ])
  const base: RowBase = {
    companyId: company.id,
    webhookEventId: event.id,
    notificationId: notification.id,
    type: 'push',
    userId,
    subject,
    pushMessage
  }
  const key = (recipient: string) => keyOf(event, notification, 'push', recipient)
  const skip = (reason: string) => [skipped(base, key('-'), '', reason)]
  if (!company.pushEnabled) return skip('push is not enabled for the company')
  if (userId === null) return skip('no recipient: no to_user and the event names no user')
  const [tokens, endpoints] = await Promise.all([
    directory.expoTokens(userId),
    directory.browserEndpoints(userId)
  ])
  if (tokens.length + endpoints.length === 0) {
    return skip('user has no push device or browser subscription')
  }
  return [
    ...tokens.map((token) => ({
      ...base, provider: 'expo', dedupeKey: key(token), recipient: token
    })),
    ...endpoints.map((endpoint) => ({
      ...base, provider: 'webpush', dedupeKey: key(endpoint), recipient: endpoint
    }))
  ]
}
