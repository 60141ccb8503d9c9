import { Type, type Static } from 'typebox'
import {
  IN_ITEM, InList, MAX_ROW_ID, Millis, Nullable, pageQuery
} from './common.js'
import { Channel } from './notification.js'

const common = {
  id: Type.String({ format: 'uuid' }),
  notification: Nullable(Type.Integer()),
  type: Channel,
  user: Nullable(Type.String({ description: 'Platform user id.' })),
  recipient: Type.String(),
  status: Type.Enum(['queued', 'sending', 'sent', 'failed', 'skipped']),
  subject: Type.String(),
  text_message: Type.String(),
  html_message: Type.String(),
  sms_message: Type.String(),
  push_message: Type.String(),
  sent: Type.Boolean({ description: 'The provider accepted the message.' }),
  received: Type.Boolean({ description: 'The user marked it received.' }),
  created: Millis(),
  updated: Millis()
}

/** One delivery as admins see it. */
export const Log = Type.Object({
  ...common,
  provider: Nullable(Type.String()),
  error_message: Nullable(Type.String())
})

/** One of the caller's own deliveries; the recipient is masked. */
export const UserLog = Type.Object(common)

export const LogParams = Type.Object({ id: Type.String({ format: 'uuid' }) })

/** The milliseconds a date can hold (ECMAScript's range, ±100,000,000 days). */
const DATE_RANGE = { minimum: -8.64e15, maximum: 8.64e15 }

const filters = {
  ...pageQuery,
  created__gt: Type.Optional(Type.Integer({ ...DATE_RANGE, description: 'Created after (ms).' })),
  created__lt: Type.Optional(Type.Integer({ ...DATE_RANGE, description: 'Created before (ms).' })),
  notification: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ROW_ID })),
  notification__in: InList(IN_ITEM.id, 'Any of these notification ids, comma separated.'),
  sent: Type.Optional(Type.Boolean()),
  received: Type.Optional(Type.Boolean()),
  type: Type.Optional(Channel),
  type__in: InList(IN_ITEM.channel, 'Any of these channels, comma separated.')
}

export const LogListQuery = Type.Object({
  ...filters,
  recipient: Type.Optional(Type.String({ maxLength: 500 })),
  recipient__contains: Type.Optional(Type.String({ maxLength: 500 })),
  user: Type.Optional(Type.String({ maxLength: 64 })),
  user__in: InList(IN_ITEM.text(64), 'Any of these user ids, comma separated.')
})

export const UserLogListQuery = Type.Object(filters)

export const ResendBody = Type.Object({
  recipient: Type.Optional(Type.String({
    minLength: 1,
    maxLength: 500,
    description: 'Send to this address, number or user instead.'
  }))
}, { additionalProperties: false })

export const ReceivedBody = Type.Object({
  received: Type.Boolean()
}, { additionalProperties: false })

export type LogListQuery = Static<typeof LogListQuery>
export type UserLogListQuery = Static<typeof UserLogListQuery>
