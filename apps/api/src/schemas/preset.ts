import { Type } from 'typebox'
import { IN_ITEM, InList, MAX_PAGE_SIZE } from './common.js'
import { Channel } from './notification.js'

const Str = () => Type.String()

/** A read-only notification preset (`/admin/templates/`). */
export const NotificationPresetSchema = Type.Object({
  id: Type.String({ description: 'Give it as `template` to copy it.' }),
  type: Channel,
  name: Str(),
  description: Str(),
  event: Str(),
  expression: Str(),
  preference_enabled: Type.Boolean(),
  subject: Str(),
  html_message: Str(),
  text_message: Str(),
  sms_message: Str(),
  push_message: Str(),
  to_email: Str(),
  to_mobile: Str(),
  to_user: Str()
})

/** A read-only layout preset (`/admin/layout-templates/`). */
export const LayoutPresetSchema = Type.Object({
  id: Type.String({ description: 'Give it as `template` to copy it.' }),
  type: Channel,
  name: Str(),
  description: Str(),
  body: Str()
})

export const PresetParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100 })
})

export const PresetListQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  page_size: Type.Optional(Type.Integer({
    minimum: 1, maximum: MAX_PAGE_SIZE, default: 15
  })),
  type: Type.Optional(Channel),
  type__in: InList(IN_ITEM.channel, 'Any of these channels, comma separated.'),
  event: Type.Optional(Type.String({ maxLength: 100 })),
  event__in: InList(IN_ITEM.text(100), 'Any of these events, comma separated.')
})
