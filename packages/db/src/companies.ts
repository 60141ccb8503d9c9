import type { Database } from './client.js'
import type { Company, CompanyMode } from './generated/prisma/client.js'
import type { SecretBox } from './secret-box.js'

export interface CompanyProfile {
  id: string
  name: string
  systemEmail: string | null
  supportEmail: string | null
  mode: CompanyMode
}

export interface Activation {
  profile: CompanyProfile
  serviceUserId: string
  serviceToken: string
}

export interface ActivationResult {
  company: Company
  /** The webhook secret in clear, for registering platform webhooks. */
  webhookSecret: string
  /** True on the company's first activation. */
  created: boolean
}

/**
 * A company's webhook secret, minted on its first activation: 256 bits
 * derived from the encryption key and the company id. Derived rather
 * than random so that a company purged and activated again gets the same
 * one: the platform keeps the webhooks registered the first time, with
 * their secret, and answers a new registration with "already exists".
 */
export const mintWebhookSecret = (box: SecretBox, companyId: string): string =>
  box.derive('herald webhook secret', companyId)

/**
 * Creates the company or brings it back: keeps its settings and webhook
 * secret, stores the new service user and token, marks it active.
 */
export async function activateCompany (
  db: Database,
  box: SecretBox,
  activation: Activation
): Promise<ActivationResult> {
  const { profile, serviceUserId, serviceToken } = activation
  const secret = mintWebhookSecret(box, profile.id)
  const existing = await db.company.findUnique({
    where: { id: profile.id }, select: { id: true }
  })
  const fields = {
    name: profile.name,
    systemEmail: profile.systemEmail,
    supportEmail: profile.supportEmail,
    mode: profile.mode,
    active: true,
    serviceUserId,
    serviceTokenEnc: box.seal(serviceToken),
    activatedAt: new Date(),
    deactivatedAt: null
  }
  const company = await db.company.upsert({
    where: { id: profile.id },
    create: { id: profile.id, webhookSecretEnc: box.seal(secret), ...fields },
    update: fields
  })
  const webhookSecret = box.open(company.webhookSecretEnc)
  return { company, webhookSecret, created: existing === null }
}

/** Marks the company inactive and forgets its token, keeping settings. */
export async function deactivateCompany (db: Database, id: string): Promise<void> {
  await db.company.update({
    where: { id },
    data: { active: false, serviceTokenEnc: null, deactivatedAt: new Date() }
  })
}

/** Deletes the company and, through cascades, every row that belongs to it. */
export async function purgeCompany (db: Database, id: string): Promise<void> {
  await db.company.delete({ where: { id } })
}

export async function replaceServiceToken (
  db: Database,
  box: SecretBox,
  id: string,
  serviceUserId: string,
  token: string
): Promise<void> {
  await db.company.update({
    where: { id },
    data: { serviceUserId, serviceTokenEnc: box.seal(token) }
  })
}

export function findCompany (db: Database, id: string): Promise<Company | null> {
  return db.company.findUnique({ where: { id } })
}

/** The service token in clear, or null when the company holds none. */
export function serviceToken (box: SecretBox, company: Company): string | null {
  return company.serviceTokenEnc ? box.open(company.serviceTokenEnc) : null
}
