import { Type } from 'typebox'
import { pageQuery } from './common.js'
import { Channel } from './notification.js'

/** A notification as its users see it: `enabled` is their own choice. */
export const UserNotification = Type.Object({
  id: Type.Integer(),
  type: Channel,
  name: Type.String(),
  description: Type.String(),
  event: Type.String(),
  enabled: Type.Boolean({ description: 'Your choice; true until you switch it off.' })
})

const echo = {
  id: Type.Optional(Type.Unknown({ description: 'Read-only; ignored.' })),
  type: Type.Optional(Type.Unknown({ description: 'Read-only; ignored.' })),
  name: Type.Optional(Type.Unknown({ description: 'Read-only; ignored.' })),
  description: Type.Optional(Type.Unknown({ description: 'Read-only; ignored.' })),
  event: Type.Optional(Type.Unknown({ description: 'Read-only; ignored.' }))
}

export const PreferenceReplace = Type.Object({
  enabled: Type.Boolean(),
  ...echo
}, { additionalProperties: false })

export const PreferencePatch = Type.Object({
  enabled: Type.Optional(Type.Boolean()),
  ...echo
}, { additionalProperties: false })

export const UserNotificationListQuery = Type.Object({
  ...pageQuery,
  type: Type.Optional(Channel),
  event: Type.Optional(Type.String({ maxLength: 100 }))
})
