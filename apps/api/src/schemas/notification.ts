import { Type, type Static } from 'typebox'
import {
  CHANNELS, IN_ITEM, InList, IntegerId, MAX_ROW_ID, Millis, Nullable, pageQuery,
  readOnlyEcho
} from './common.js'

const Text = (maxLength: number, description?: string) =>
  Type.String({ maxLength, ...(description ? { description } : {}) })

/** The three channels a notification can use. */
export const Channel = Type.Enum([...CHANNELS], {
  description: 'Delivery channel.'
})

/** Longest SMS or push body template, as on the platform. */
export const SHORT_MESSAGE_MAX = 300

/** One language's messages; a field left out or empty falls back. */
export const Variant = Type.Object({
  subject: Type.Optional(Text(500)),
  text_message: Type.Optional(Text(100000)),
  html_message: Type.Optional(Text(100000)),
  sms_message: Type.Optional(Text(SHORT_MESSAGE_MAX)),
  push_message: Type.Optional(Text(SHORT_MESSAGE_MAX))
}, { additionalProperties: false })

/** Per-language versions, keyed by the recipient's platform `language`. */
export const Variants = Type.Record(Type.String({ maxLength: 35 }), Variant, {
  maxProperties: 50,
  description: 'Versions per language (`{"es": {"subject": ...}}`); the ' +
    "recipient's language picks one, else the fields above are sent."
})

/** Fields an admin may write. */
const writable = {
  type: Channel,
  name: Text(100),
  description: Text(500),
  event: Text(100, 'Event name; empty means only sent by a manual trigger.'),
  enabled: Type.Boolean(),
  preference_enabled: Type.Boolean({ description: 'Users may switch it off.' }),
  subject: Text(500, 'Template of the email subject.'),
  html_message: Text(100000, 'Template of the HTML body.'),
  text_message: Text(100000, 'Template of the plain-text body.'),
  sms_message: Text(SHORT_MESSAGE_MAX, 'Template of the SMS body.'),
  push_message: Text(SHORT_MESSAGE_MAX, 'Template of the push body.'),
  to_email: Text(500, 'Template rendering to the recipient address(es).'),
  to_mobile: Text(500, 'Template rendering to the recipient number.'),
  to_user: Text(500, 'Template rendering to the recipient user id (SMS, push).'),
  from_email: Text(500, 'Sender; the company system email when empty.'),
  expression: Text(2000, 'Send condition; empty means always.'),
  variants: Variants,
  layout: Nullable(Type.Integer({
    minimum: 1, maximum: 2147483647, description: 'Id of a layout of the same channel.'
  })),
  template: Nullable(Type.String({
    maxLength: 100,
    description: 'Preset it came from. On create and replace, fields the ' +
      'body leaves out are copied from this preset.'
  }))
}

/** Every writable field optional: the body of PATCH. */
export const NotificationPatch = Type.Object({
  ...Type.Partial(Type.Object(writable)).properties,
  ...readOnlyEcho
}, { additionalProperties: false })

/**
 * The body of POST and PUT. `type` and `name` are required unless
 * `template` names a preset that provides them; the handler checks.
 */
export const NotificationCreate = NotificationPatch

export const Notification = Type.Object({
  id: Type.Integer(),
  ...writable,
  created: Millis(),
  updated: Millis()
})

export const NotificationParams = IntegerId

export const NotificationListQuery = Type.Object({
  ...pageQuery,
  event: Type.Optional(Type.String({ maxLength: 100 })),
  name: Type.Optional(Type.String({ maxLength: 100 })),
  type: Type.Optional(Channel),
  layout: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ROW_ID })),
  event__in: InList(IN_ITEM.text(100), 'Any of these events, comma separated.'),
  type__in: InList(IN_ITEM.channel, 'Any of these channels, comma separated.'),
  layout__in: InList(IN_ITEM.id, 'Any of these layout ids, comma separated.')
})

/** `POST /admin/notifications/{id}/trigger/`. */
export const TriggerBody = Type.Object({
  data: Type.Optional(Type.Record(Type.String(), Type.Unknown(), {
    description: 'Template context.'
  })),
  users: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
    maxItems: 1000, description: 'Platform user ids.'
  })),
  groups: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
    maxItems: 50, description: 'Platform group names: every member receives it.'
  }))
}, { additionalProperties: false })

export type NotificationPatch = Static<typeof NotificationPatch>
export type NotificationApi = Static<typeof Notification>
export type NotificationListQuery = Static<typeof NotificationListQuery>
export type TriggerBody = Static<typeof TriggerBody>
