import type { Notification, NotificationFields } from '@herald/db'
import type { TemplateRenderer } from '@herald/templates'
import { Errors, type FieldErrors } from '../errors.js'
import type { NotificationCreate, NotificationPatch } from '../schemas/notification.js'

/** API field name → database field, for every writable field. */
const columns = {
  type: 'type',
  name: 'name',
  description: 'description',
  event: 'event',
  enabled: 'enabled',
  preference_enabled: 'preferenceEnabled',
  subject: 'subject',
  html_message: 'htmlMessage',
  text_message: 'textMessage',
  to_email: 'toEmail',
  to_user: 'toUser',
  from_email: 'fromEmail'
} as const satisfies Record<keyof NotificationPatch, keyof NotificationFields>

const templateFields = [
  'subject', 'html_message', 'text_message', 'to_email', 'to_user',
  'from_email'
] as const

export function toColumns (body: NotificationPatch): Partial<NotificationFields> {
  const out: Record<string, unknown> = {}
  for (const [field, column] of Object.entries(columns)) {
    const value = body[field as keyof NotificationPatch]
    if (value !== undefined) out[column] = value
  }
  return out as Partial<NotificationFields>
}

export function toApi (row: Notification) {
  return {
    id: row.id,
    type: row.type as 'email',
    name: row.name,
    description: row.description,
    event: row.event,
    enabled: row.enabled,
    preference_enabled: row.preferenceEnabled,
    subject: row.subject,
    html_message: row.htmlMessage,
    text_message: row.textMessage,
    to_email: row.toEmail,
    to_user: row.toUser,
    from_email: row.fromEmail,
    template: row.template,
    created: row.createdAt.getTime(),
    updated: row.updatedAt.getTime()
  }
}

/**
 * Checks what the schema cannot: templates parse, and the channel's
 * required fields are present on the notification as it will be saved.
 */
export function checkNotification (
  renderer: TemplateRenderer,
  merged: NotificationCreate
): void {
  const errors: FieldErrors = {}
  for (const field of templateFields) {
    const problem = templateProblem(renderer, merged[field])
    if (problem) errors[field] = [problem]
  }
  if (merged.type === 'email') {
    if (!merged.to_email?.trim()) errors.to_email ??= ['This field is required for email notifications.']
    if (!merged.subject?.trim()) errors.subject ??= ['This field is required for email notifications.']
  }
  if (Object.keys(errors).length > 0) throw Errors.validation(errors)
}

function templateProblem (
  renderer: TemplateRenderer,
  source: string | undefined
): string | null {
  if (!source) return null
  try {
    renderer.validate(source)
    return null
  } catch (err) {
    const e = err as { line?: number, column?: number, message?: string }
    if (e.line === undefined) throw err
    return `Invalid template at line ${e.line}, column ${e.column}: ${e.message}`
  }
}
