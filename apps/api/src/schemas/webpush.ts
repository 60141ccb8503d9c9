import { Type, type Static } from 'typebox'
import { Millis } from './common.js'

const Base64Url = (description: string, maxLength: number) =>
  Type.String({ pattern: '^[A-Za-z0-9_-]+=*$', minLength: 16, maxLength, description })

/** `PushSubscription.toJSON()` as the browser gives it, plus its agent. */
export const WebPushSubscriptionCreate = Type.Object({
  endpoint: Type.String({
    minLength: 12,
    maxLength: 1000,
    description: 'The push service URL the browser was given.'
  }),
  expirationTime: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  keys: Type.Object({
    p256dh: Base64Url('The browser\'s P-256 public key, base64url.', 200),
    auth: Base64Url('The browser\'s auth secret, base64url.', 64)
  }, { additionalProperties: false }),
  user_agent: Type.Optional(Type.String({ maxLength: 500 }))
}, { additionalProperties: false })

export const WebPushSubscription = Type.Object({
  id: Type.String({ format: 'uuid' }),
  endpoint: Type.String(),
  user_agent: Type.String(),
  created: Millis()
})

export const WebPushSubscriptionParams = Type.Object({
  id: Type.String({ format: 'uuid' })
})

export const VapidKey = Type.Object({
  public_key: Type.String({
    description: 'VAPID application server key, base64url: pass it to pushManager.subscribe().'
  })
})

export type WebPushSubscriptionCreate = Static<typeof WebPushSubscriptionCreate>
