import { Type, type Static } from 'typebox'
import { CREDENTIAL_TYPES } from '@herald/db'
import { IntegerId, Millis, pageQuery, readOnlyEcho } from './common.js'

export const CredentialType = Type.Enum([...CREDENTIAL_TYPES], {
  description: 'Provider: smtp, sendgrid, twilio, expo or webpush.'
})

const Values = Type.Record(
  Type.String({ maxLength: 64 }),
  Type.Union([Type.String({ maxLength: 4096 }), Type.Integer(), Type.Boolean()]),
  {
    description: 'Provider settings; which keys each type needs is in the ' +
      'README. Secret values are answered masked; sending a masked value ' +
      'back keeps the stored one.'
  }
)

export const CredentialCreate = Type.Object({
  credential_type: CredentialType,
  credentials: Values,
  ...readOnlyEcho
}, { additionalProperties: false })

export const CredentialPatch = Type.Object({
  credential_type: Type.Optional(CredentialType),
  credentials: Type.Optional(Values),
  ...readOnlyEcho
}, { additionalProperties: false })

export const Credential = Type.Object({
  id: Type.Integer(),
  credential_type: CredentialType,
  credentials: Type.Record(Type.String(), Type.String()),
  created: Millis(),
  updated: Millis()
})

export const CredentialParams = IntegerId

export const CredentialListQuery = Type.Object({
  ...pageQuery,
  credential_type: Type.Optional(CredentialType)
})

export type CredentialCreate = Static<typeof CredentialCreate>
export type CredentialPatch = Static<typeof CredentialPatch>
