import { Type, type Static } from 'typebox'
import { Nullable } from './common.js'

const Email = () => Nullable(Type.String({ format: 'email', maxLength: 254 }))
const Url = () => Nullable(Type.String({ format: 'uri', maxLength: 2000 }))

const writable = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  system_email: Email(),
  support_email: Email(),
  contact_email: Email(),
  website: Url(),
  logo: Url(),
  icon: Url(),
  push_enabled: Type.Boolean({ description: 'Send push notifications.' })
}

/** Read-only fields a client may echo back; they are ignored. */
const readOnly = {
  id: Type.Optional(Type.Unknown({ description: 'Read-only; ignored.' })),
  secret: Type.Optional(Type.Unknown({ description: 'Read-only; ignored.' })),
  mode: Type.Optional(Type.Unknown({ description: 'Read-only; ignored.' }))
}

export const CompanyPatch = Type.Object({
  ...Type.Partial(Type.Object(writable)).properties,
  ...readOnly
}, { additionalProperties: false })

/** PUT: `name` is required; other fields left out are cleared. */
export const CompanyReplace = Type.Object({
  ...Type.Partial(Type.Object(writable)).properties,
  name: writable.name,
  ...readOnly
}, { additionalProperties: false })

export const CompanySettings = Type.Object({
  id: Type.String(),
  secret: Type.String({ description: 'Webhook secret, masked; read-only.' }),
  mode: Type.Enum(['test', 'production'], { description: 'Read-only.' }),
  ...writable
})

export type CompanyPatch = Static<typeof CompanyPatch>
export type CompanySettingsApi = Static<typeof CompanySettings>
