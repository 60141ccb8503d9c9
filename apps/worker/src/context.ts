import {
  serviceToken,
  type Company,
  type Notification,
  type WebhookEvent
} from '@herald/db'
import { computeTotals } from '@herald/templates'
import type { WorkerDeps } from './deps.js'
import { NoServiceTokenError } from './errors.js'

export type TemplateContext = Record<string, unknown>

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? value as Record<string, unknown>
    : {}

/**
 * What templates see: the event's `data` at the top level, as on the
 * platform's own extension, plus `context.company`.
 */
export function buildContext (event: WebhookEvent, company: Company): TemplateContext {
  return {
    ...asRecord(event.data),
    context: {
      company: {
        id: company.id,
        name: company.name,
        system_email: company.systemEmail
      }
    }
  }
}

/** The platform user an event is about, when it names one. */
export function eventUserId (event: WebhookEvent): string | null {
  const data = asRecord(event.data)
  const user = asRecord(data.user)
  if (typeof user.id === 'string') return user.id
  if (event.event.startsWith('user.') && typeof data.id === 'string') return data.id
  return null
}

/** Events whose `data` is the transaction itself. */
export function isTransactionEvent (event: Pick<WebhookEvent, 'event' | 'data'>): boolean {
  const data = asRecord(event.data)
  return event.event.startsWith('transaction.') &&
    !event.event.startsWith('transaction.transition.') &&
    typeof data.id === 'string' && data.amount !== undefined
}

const TEMPLATE_COLUMNS = [
  'subject', 'htmlMessage', 'textMessage', 'smsMessage', 'pushMessage',
  'toEmail', 'toMobile', 'toUser', 'fromEmail', 'expression', 'variants'
] as const

/** Whether any template of these notifications reads `computed`. */
export function usesComputed (notifications: readonly Notification[]): boolean {
  return notifications.some((n) => TEMPLATE_COLUMNS
    .some((column) => JSON.stringify(n[column] ?? '').includes('computed')))
}

/**
 * The context of an event: {@link buildContext}, plus `computed.fee` and
 * `computed.total_amount` for transaction events whose notifications use
 * them (the fee children are read from the platform only then). A
 * platform outage propagates, so the event job is retried.
 */
export async function eventContext (
  deps: Pick<WorkerDeps, 'box' | 'platform'>,
  event: WebhookEvent,
  company: Company,
  notifications: readonly Notification[]
): Promise<TemplateContext> {
  const context = buildContext(event, company)
  if (!isTransactionEvent(event) || !usesComputed(notifications)) return context
  const token = serviceToken(deps.box, company)
  if (token === null) throw new NoServiceTokenError(company.id)
  const transaction = asRecord(event.data)
  const children = await deps.platform.feeChildren(token, String(transaction.id))
  return { ...context, computed: computeTotals(transaction, children) }
}
