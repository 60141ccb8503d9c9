import type { NewDelivery, Notification } from '@herald/db'
import { TemplateError } from '@herald/templates'
import type { PlanFinisher } from './finish-plan.js'
import { eventUserId } from './context.js'
import { planDeliveries, type PlanInput } from './plan.js'
import { keyOf } from './plan-rows.js'
import { conditionGate } from './select-notification.js'

/** What one notification made for one event or trigger recipient. */
export interface NotificationPlan {
  rows: NewDelivery[]
  /** Why the send condition failed, when it did. */
  conditionFailure?: string
}

/**
 * Everything one notification makes for one event or trigger recipient:
 * the send condition, the language, the rows on its channel, layout and
 * preferences. A template that fails to render (a filter given the wrong
 * kind of value, say) becomes a failed delivery with the reason, so one
 * broken notification never holds back the others of the same event.
 */
export async function planNotification (
  input: PlanInput,
  finish: PlanFinisher,
  localize: (input: PlanInput) => Promise<Notification>
): Promise<NotificationPlan> {
  try {
    const gate = await conditionGate(input)
    if (!gate.send) {
      return {
        rows: gate.row ? [gate.row] : [],
        ...(gate.reason === undefined ? {} : { conditionFailure: gate.reason })
      }
    }
    const chosen = { ...input, notification: await localize(input) }
    return { rows: await finish(input.context, await planDeliveries(chosen)) }
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err
    return { rows: [renderFailure(input, err)] }
  }
}

function renderFailure (input: PlanInput, err: TemplateError): NewDelivery {
  const { company, event, notification } = input
  const at = `line ${err.line}, column ${err.column}`
  return {
    companyId: company.id,
    webhookEventId: event.id,
    notificationId: notification.id,
    dedupeKey: keyOf(event, notification, notification.type, 'render'),
    type: notification.type,
    userId: eventUserId(event),
    recipient: '',
    status: 'failed',
    errorMessage: `template failed to render at ${at}: ${err.message}`.slice(0, 500)
  }
}
