import { Type, type Static } from 'typebox'

const Text = (maxLength: number, description?: string) =>
  Type.String({ maxLength, ...(description ? { description } : {}) })

/** Fields an admin may write. Email is the channel this release delivers. */
const writable = {
  type: Type.Union([Type.Literal('email')], { description: 'Delivery channel.' }),
  name: Text(100),
  description: Text(500),
  event: Text(100, 'Event name; empty means only sent by a manual trigger.'),
  enabled: Type.Boolean(),
  preference_enabled: Type.Boolean({ description: 'Users may switch it off.' }),
  subject: Text(500, 'Template of the email subject.'),
  html_message: Text(100000, 'Template of the HTML body.'),
  text_message: Text(100000, 'Template of the plain-text body.'),
  to_email: Text(500, 'Template rendering to the recipient address.'),
  to_user: Text(500, 'Template rendering to the recipient user id.'),
  from_email: Text(500, 'Sender; the company system email when empty.')
}

export const NotificationPatch = Type.Partial(
  Type.Object(writable),
  { additionalProperties: false }
)

export const NotificationCreate = Type.Object({
  ...NotificationPatch.properties,
  type: writable.type,
  name: writable.name
}, { additionalProperties: false })

export const Notification = Type.Object({
  id: Type.Integer(),
  ...writable,
  template: Type.Union([Type.String(), Type.Null()]),
  created: Type.Integer({ description: 'Milliseconds since the epoch.' }),
  updated: Type.Integer({ description: 'Milliseconds since the epoch.' })
})

export const NotificationParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2147483647 })
})

export const NotificationListQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 250, default: 15 })),
  event: Type.Optional(Type.String({ maxLength: 100 })),
  name: Type.Optional(Type.String({ maxLength: 100 })),
  type: Type.Optional(writable.type),
  orderby: Type.Optional(Type.Union([Type.Literal('created'), Type.Literal('-created')]))
})

export type NotificationCreate = Static<typeof NotificationCreate>
export type NotificationPatch = Static<typeof NotificationPatch>
export type NotificationListQuery = Static<typeof NotificationListQuery>
