import { eventUserId } from './context.js'
import type { PlanInput } from './plan.js'

/**
 * The user a notification is for: its `to_user` template rendered, else
 * the user the event is about; null when neither names one.
 */
export async function recipientUserId (input: PlanInput): Promise<string | null> {
  const { renderer, notification, context, event } = input
  if (notification.toUser.trim()) {
    const options = { autoescape: false }
    const rendered = await renderer.render(notification.toUser, context, options)
    return rendered.trim() || null
  }
  return eventUserId(event)
}
