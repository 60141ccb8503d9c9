import type { Notification, NotificationFields } from '@herald/db'
import type { TemplateRenderer } from '@herald/templates'
import { Errors, type FieldErrors } from '../errors.js'
import { findNotificationPreset } from '../presets/index.js'
import type { NotificationApi, NotificationPatch } from '../schemas/notification.js'
import { expressionErrors, variantErrors, variantsOf } from './notification-variants.js'
import { templateErrors } from './template-problems.js'

type Writable = Omit<NotificationApi, 'id' | 'created' | 'updated'>

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
  sms_message: 'smsMessage',
  push_message: 'pushMessage',
  to_email: 'toEmail',
  to_mobile: 'toMobile',
  to_user: 'toUser',
  from_email: 'fromEmail',
  expression: 'expression',
  variants: 'variants',
  layout: 'layoutId',
  template: 'template'
} as const satisfies Record<keyof Writable, keyof NotificationFields>

const templateFields = [
  'subject', 'html_message', 'text_message', 'sms_message', 'push_message',
  'to_email', 'to_mobile', 'to_user', 'from_email', 'expression'
] as const

/** What each channel cannot be sent without. */
const requiredByType: Record<Writable['type'], ReadonlyArray<keyof Writable>> = {
  email: ['to_email', 'subject'],
  sms: ['to_mobile', 'sms_message'],
  push: ['push_message']
}

export function toColumns (body: NotificationPatch): Partial<NotificationFields> {
  const out: Record<string, unknown> = {}
  for (const [field, column] of Object.entries(columns)) {
    const value = body[field as keyof Writable]
    if (value !== undefined) out[column] = value
  }
  return out as Partial<NotificationFields>
}

export function toApi (row: Notification): NotificationApi {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    description: row.description,
    event: row.event,
    enabled: row.enabled,
    preference_enabled: row.preferenceEnabled,
    subject: row.subject,
    html_message: row.htmlMessage,
    text_message: row.textMessage,
    sms_message: row.smsMessage,
    push_message: row.pushMessage,
    to_email: row.toEmail,
    to_mobile: row.toMobile,
    to_user: row.toUser,
    from_email: row.fromEmail,
    expression: row.expression,
    variants: variantsOf(row.variants),
    layout: row.layoutId,
    template: row.template,
    created: row.createdAt.getTime(),
    updated: row.updatedAt.getTime()
  }
}

/**
 * The body of a create or replace with the fields it leaves out copied
 * from the preset it names. A preset of another channel is refused.
 */
export function withPreset (body: NotificationPatch): NotificationPatch {
  if (!body.template) return body
  const preset = findNotificationPreset(body.template)
  if (!preset) {
    throw Errors.validation({ template: [`Unknown preset template "${body.template}".`] })
  }
  if (body.type !== undefined && body.type !== preset.type) {
    throw Errors.validation({
      template: [`The preset is a ${preset.type} template, not ${body.type}.`]
    })
  }
  // The preset's `id` rides along as a read-only field and is ignored.
  const filled: NotificationPatch = { ...preset }
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined) (filled as Record<string, unknown>)[key] = value
  }
  return filled
}

/**
 * Checks what the schema cannot: templates parse, and the channel's
 * required fields are present on the notification as it will be saved.
 */
export function checkNotification (
  renderer: TemplateRenderer,
  merged: NotificationPatch
): asserts merged is NotificationPatch & Pick<Writable, 'type' | 'name'> {
  const errors: FieldErrors = {
    ...expressionErrors(renderer, merged.expression),
    ...templateErrors(renderer, merged, templateFields),
    ...variantErrors(renderer, merged.variants)
  }
  if (merged.type === undefined) errors.type = ['This field is required.']
  if (merged.name === undefined) errors.name = ['This field is required.']
  if (merged.template && !findNotificationPreset(merged.template)) {
    errors.template = [`Unknown preset template "${merged.template}".`]
  }
  for (const field of merged.type ? requiredByType[merged.type] : []) {
    const value = merged[field]
    if (typeof value !== 'string' || !value.trim()) {
      errors[field] ??= [`This field is required for ${merged.type} notifications.`]
    }
  }
  if (Object.keys(errors).length > 0) throw Errors.validation(errors)
}

/** What a replace (PUT) sets for every field its body leaves out. */
export const NOTIFICATION_DEFAULTS: Omit<Writable, 'type' | 'name'> = {
  description: '',
  event: '',
  enabled: true,
  preference_enabled: false,
  subject: '',
  html_message: '',
  text_message: '',
  sms_message: '',
  push_message: '',
  to_email: '',
  to_mobile: '',
  to_user: '',
  from_email: '',
  expression: '',
  variants: {},
  layout: null,
  template: null
}
