import {
  createLookupCache,
  findCompany,
  type Company,
  type Database,
  type LookupCache,
  type SecretBox
} from '@herald/db'

/** What the webhook needs of a company: the row and its secret in clear. */
export interface WebhookCompany {
  company: Company
  /** Null while the company is inactive: nothing it sends is taken. */
  secret: string | null
}

/** Distinct companies whose webhook lookups are kept in memory. */
const MAX_COMPANIES = 10000

/**
 * Companies by id for the webhook, reused for `ttlMs`: every webhook
 * would otherwise read the company and decrypt its secret. Lifecycle
 * calls on this process forget the company at once; on another API
 * process a deactivation takes effect within `ttlMs`.
 */
export function createWebhookCompanies (
  db: Database,
  box: SecretBox,
  ttlMs: number
): LookupCache<WebhookCompany> {
  return createLookupCache({
    ttlMs,
    max: MAX_COMPANIES,
    load: async function loadWebhookCompany (id) {
      const company = await findCompany(db, id)
      if (!company) return null
      const secret = company.active ? box.open(company.webhookSecretEnc) : null
      return { company, secret }
    }
  })
}
