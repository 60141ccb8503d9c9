import type { Company, WebhookEvent } from '@herald/db'

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
