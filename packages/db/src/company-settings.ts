import type { Database } from './client.js'
import type { Company } from './generated/prisma/client.js'

/** The settings an admin may change; the rest comes from the platform. */
export interface CompanySettings {
  name: string
  systemEmail: string | null
  supportEmail: string | null
  contactEmail: string | null
  website: string | null
  logo: string | null
  icon: string | null
  pushEnabled: boolean
}

export function updateCompanySettings (
  db: Database,
  id: string,
  settings: Partial<CompanySettings>
): Promise<Company> {
  return db.company.update({ where: { id }, data: settings })
}
