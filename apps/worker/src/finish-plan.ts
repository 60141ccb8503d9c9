import type { NewDelivery, Notification } from '@herald/db'
import type { TemplateContext } from './context.js'
import type { WorkerDeps } from './deps.js'
import { applyLayout, loadLayout } from './layouts.js'
import { honourPreferences } from './preferences.js'

/** Finishes the rows one notification planned for one context. */
export type PlanFinisher = (
  context: TemplateContext,
  rows: NewDelivery[]
) => Promise<NewDelivery[]>

/**
 * What happens to planned rows before they are stored, the same for
 * events and manual triggers: users who switched the notification off
 * are skipped, and the notification's layout wraps the bodies. The
 * layout is read once per notification.
 */
export async function planFinisher (
  deps: Pick<WorkerDeps, 'db' | 'renderer'>,
  notification: Notification
): Promise<PlanFinisher> {
  const layout = await loadLayout(deps.db, notification)
  return async function finish (context, rows) {
    const kept = await honourPreferences(deps.db, notification, rows)
    return applyLayout(deps.renderer, layout, context, kept)
  }
}
