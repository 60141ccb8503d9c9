import {
  createLookupCache,
  readCredentials,
  type Company,
  type Database,
  type SecretBox
} from '@herald/db'
import type { CredentialSource } from './channels/channel.js'
import { companyProviders } from './user-directory.js'

/**
 * What every event and delivery of a company reads again and again, kept
 * for COMPANY_CACHE_TTL_MS: an admin's change to the company's settings
 * or provider credentials reaches the workers within that time.
 */
export interface CompanyLookups {
  /** The company row, for a delivery's sender; throws when it is gone. */
  company (id: string): Promise<Company>
  /** The credential types the company stored (`sendgrid`, `twilio`, ...). */
  providers (id: string): Promise<ReadonlySet<string>>
  /** A company's credentials of one provider type, opened. */
  credentials: CredentialSource
}

/** Companies whose lookups are kept in memory, per kind. */
const MAX_COMPANIES = 10000

export function createCompanyLookups (
  db: Database,
  box: SecretBox,
  ttlMs: number
): CompanyLookups {
  const cache = <T>(load: (key: string) => Promise<T | null>) =>
    createLookupCache({ ttlMs, max: MAX_COMPANIES, load })
  const credentials = cache((key) => {
    const [companyId, type] = JSON.parse(key) as [string, string]
    return readCredentials(db, box, companyId, type)
  })
  // A missing company throws, and a failed load is not kept.
  const companies = cache((id) =>
    db.company.findUniqueOrThrow({ where: { id } }))
  const providers = cache((id) => companyProviders(db, id))
  return {
    company: async (id) => await companies.get(id) as Company,
    providers: async (id) => await providers.get(id) ?? new Set(),
    credentials: (companyId, type) =>
      credentials.get(JSON.stringify([companyId, type]))
  }
}
