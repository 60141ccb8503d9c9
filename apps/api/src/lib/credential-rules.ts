import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { Type, type TSchema } from 'typebox'
import {
  SECRET_CREDENTIAL_KEYS,
  type CredentialType,
  type CredentialValues
} from '@herald/db'
import { maskSecret } from '@herald/log'
import { Errors, type FieldErrors } from '../errors.js'
import { toFieldErrors } from '../plugins/validation.js'

const Req = (options: object = {}) => Type.String({ minLength: 1, maxLength: 4096, ...options })
const Opt = (options: object = {}) => Type.Optional(Req(options))

const E164 = '^\\+[1-9][0-9]{6,14}$'
const BASE64URL = '^[A-Za-z0-9_-]+=*$'

/** What each provider needs; values are strings once normalised. */
const shapes: Record<CredentialType, TSchema> = {
  smtp: Type.Object({
    host: Req({ maxLength: 255 }),
    port: Req({ pattern: '^[0-9]{1,5}$' }),
    user: Opt(),
    password: Opt(),
    secure: Type.Optional(Type.Enum(['true', 'false'])),
    from_email: Opt({ format: 'email' })
  }, { additionalProperties: false }),
  sendgrid: Type.Object({
    api_key: Req(),
    from_email: Opt({ format: 'email' })
  }, { additionalProperties: false }),
  twilio: Type.Object({
    account_sid: Req({ pattern: '^AC[0-9a-fA-F]{32}$' }),
    auth_token: Req(),
    from_number: Opt({ pattern: E164 }),
    messaging_service_sid: Opt({ pattern: '^MG[0-9a-fA-F]{32}$' })
  }, { additionalProperties: false }),
  // Expo's access token is optional: it only turns on enhanced security.
  expo: Type.Object({
    access_token: Opt()
  }, { additionalProperties: false }),
  webpush: Type.Object({
    public_key: Req({ pattern: BASE64URL, minLength: 80, maxLength: 100 }),
    private_key: Req({ pattern: BASE64URL, minLength: 40, maxLength: 50 }),
    subject: Req({ pattern: '^(mailto:|https://)' })
  }, { additionalProperties: false })
}

const ajv = new Ajv({ allErrors: true, strict: false })
addFormats.default(ajv)
const validators = new Map<string, ValidateFunction>(
  Object.entries(shapes).map(([type, schema]) => [type, ajv.compile(schema)])
)

const isSecret = (key: string): boolean => SECRET_CREDENTIAL_KEYS.includes(key)

/** Numbers and booleans as the strings the providers are given. */
export function normalise (
  values: Record<string, string | number | boolean>
): CredentialValues {
  const out: CredentialValues = {}
  for (const [key, value] of Object.entries(values)) {
    const text = String(value)
    if (text !== '') out[key] = text
  }
  return out
}

/**
 * A masked secret sent back (as a client does after a GET) keeps the
 * stored secret: nobody has to re-type a secret to change another field.
 */
export function keepMaskedSecrets (
  incoming: CredentialValues,
  stored: CredentialValues
): CredentialValues {
  const out = { ...incoming }
  for (const [key, value] of Object.entries(incoming)) {
    const current = stored[key]
    if (isSecret(key) && current !== undefined && value === maskSecret(current)) {
      out[key] = current
    }
  }
  return out
}

/** Refuses values the provider type cannot work with, naming each key. */
export function checkCredentials (type: CredentialType, values: CredentialValues): void {
  const validate = validators.get(type)
  const errors: FieldErrors = {}
  if (validate && !validate(values)) {
    const byKey = toFieldErrors(validate.errors ?? [], '')
    for (const [key, messages] of Object.entries(byKey)) {
      errors[key ? `credentials.${key}` : 'credentials'] = messages
    }
  }
  if (type === 'twilio' && !values.from_number && !values.messaging_service_sid) {
    errors['credentials.from_number'] ??= ['Give from_number or messaging_service_sid.']
  }
  if (Object.keys(errors).length > 0) throw Errors.validation(errors)
}

/** The values as answered: every secret masked, never in full. */
export function maskCredentials (values: CredentialValues): CredentialValues {
  const out: CredentialValues = {}
  for (const [key, value] of Object.entries(values)) {
    out[key] = isSecret(key) ? maskSecret(value) : value
  }
  return out
}
