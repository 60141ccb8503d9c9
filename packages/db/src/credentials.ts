import type { Database } from './client.js'
import { NotFoundError } from './errors.js'
import type { Credential } from './generated/prisma/client.js'
import type { SecretBox } from './secret-box.js'

/** The providers a company can bring its own account for. */
export const CREDENTIAL_TYPES = [
  'smtp', 'sendgrid', 'twilio', 'expo', 'webpush'
] as const

export type CredentialType = (typeof CREDENTIAL_TYPES)[number]

/** A provider's settings in clear: string values only. */
export type CredentialValues = Record<string, string>

/**
 * The keys each provider's credentials hold, as the admin API validates
 * and stores them. Every value is a string (`port` too).
 */
export interface CredentialShapes {
  smtp: {
    host: string
    port: string
    user?: string
    password?: string
    /** `'true'` for implicit TLS. */
    secure?: 'true' | 'false'
    from_email?: string
  }
  sendgrid: { api_key: string, from_email?: string }
  /** One of `from_number` (E.164) and `messaging_service_sid` is set. */
  twilio: {
    account_sid: string
    auth_token: string
    from_number?: string
    messaging_service_sid?: string
  }
  /** The token only turns on Expo's enhanced push security. */
  expo: { access_token?: string }
  /** VAPID keys (base64url) and the `mailto:`/`https:` subject. */
  webpush: { public_key: string, private_key: string, subject: string }
}

/** Keys whose values are secret: masked in every API answer. */
export const SECRET_CREDENTIAL_KEYS: readonly string[] = [
  'password', 'api_key', 'auth_token', 'access_token', 'private_key'
]

/** A stored credential with its values opened. */
export interface OpenCredential {
  id: number
  credentialType: string
  credentials: CredentialValues
  createdAt: Date
  updatedAt: Date
}

function openValues (box: SecretBox, sealed: string): CredentialValues {
  const parsed: unknown = JSON.parse(box.open(sealed))
  const out: CredentialValues = {}
  if (parsed === null || typeof parsed !== 'object') return out
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string') out[key] = value
  }
  return out
}

function toOpen (box: SecretBox, row: Credential): OpenCredential {
  return {
    id: row.id,
    credentialType: row.credentialType,
    credentials: openValues(box, row.credentialsEnc),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt
  }
}

/**
 * The company's credentials of one provider type, opened, or null when
 * the company has none (the worker then uses the configured default).
 */
export async function readCredentials (
  db: Database,
  box: SecretBox,
  companyId: string,
  type: string
): Promise<CredentialValues | null> {
  const row = await db.credential.findUnique({
    where: { companyId_credentialType: { companyId, credentialType: type } }
  })
  return row ? openValues(box, row.credentialsEnc) : null
}

/** Stores a new credential, sealed. One per company and type. */
export async function createCredential (
  db: Database,
  box: SecretBox,
  companyId: string,
  type: string,
  values: CredentialValues
): Promise<OpenCredential> {
  const row = await db.credential.create({
    data: {
      companyId,
      credentialType: type,
      credentialsEnc: box.seal(JSON.stringify(values))
    }
  })
  return toOpen(box, row)
}

export async function listCredentials (
  db: Database,
  box: SecretBox,
  companyId: string,
  window: { skip: number, take: number, newestFirst: boolean, type?: string }
): Promise<{ count: number, rows: OpenCredential[] }> {
  const where = {
    companyId,
    ...(window.type === undefined ? {} : { credentialType: window.type })
  }
  const order = window.newestFirst ? 'desc' : 'asc'
  const [count, rows] = await db.$transaction([
    db.credential.count({ where }),
    db.credential.findMany({
      where,
      skip: window.skip,
      take: window.take,
      orderBy: [{ createdAt: order }, { id: order }]
    })
  ])
  return { count, rows: rows.map((row) => toOpen(box, row)) }
}

/** The company's credential, opened, or NotFoundError: never another's. */
export async function getCredential (
  db: Database,
  box: SecretBox,
  companyId: string,
  id: number
): Promise<OpenCredential> {
  const row = await db.credential.findFirst({ where: { id, companyId } })
  if (!row) throw new NotFoundError()
  return toOpen(box, row)
}

/** Replaces type and values of the company's credential. */
export async function updateCredential (
  db: Database,
  box: SecretBox,
  companyId: string,
  id: number,
  change: { type: string, values: CredentialValues }
): Promise<OpenCredential> {
  const { count } = await db.credential.updateMany({
    where: { id, companyId },
    data: {
      credentialType: change.type,
      credentialsEnc: box.seal(JSON.stringify(change.values))
    }
  })
  if (count === 0) throw new NotFoundError()
  return getCredential(db, box, companyId, id)
}

export async function deleteCredential (
  db: Database,
  companyId: string,
  id: number
): Promise<void> {
  const { count } = await db.credential.deleteMany({ where: { id, companyId } })
  if (count === 0) throw new NotFoundError()
}
