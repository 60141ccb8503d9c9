/** A ready-made notification an admin copies into their own. */
export interface NotificationPreset {
  /** Stable id, used as a notification's `template`. */
  id: string
  type: 'email' | 'sms' | 'push'
  name: string
  description: string
  event: string
  expression: string
  preference_enabled: boolean
  subject: string
  html_message: string
  text_message: string
  sms_message: string
  push_message: string
  to_email: string
  to_mobile: string
  to_user: string
}

/** A ready-made layout: `{{ body }}` marks where the message goes. */
export interface LayoutPreset {
  id: string
  type: 'email' | 'sms' | 'push'
  name: string
  description: string
  body: string
}

const blank = {
  expression: '',
  preference_enabled: false,
  subject: '',
  html_message: '',
  text_message: '',
  sms_message: '',
  push_message: '',
  to_email: '',
  to_mobile: '',
  to_user: ''
}

type PresetInput = Pick<NotificationPreset, 'id' | 'name' | 'description' | 'event'> &
  Partial<NotificationPreset>

export const emailPreset = (p: PresetInput): NotificationPreset =>
  ({ ...blank, type: 'email', ...p })
export const smsPreset = (p: PresetInput): NotificationPreset =>
  ({ ...blank, type: 'sms', ...p })
export const pushPreset = (p: PresetInput): NotificationPreset =>
  ({ ...blank, type: 'push', ...p })

/** An HTML email body in the presets' common frame. */
export const htmlFrame = (inner: string): string =>
  `<p>Hi {{ user.first_name|default:'there' }},</p>\n${inner}\n` +
  '<p>{{ context.company.name }}</p>'
