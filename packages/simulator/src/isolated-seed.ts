import { defaultSeed, seedTokens } from './seed.js'
import type { SimSeed } from './types.js'

export interface IsolatedSeed {
  seed: SimSeed
  tokens: { service: string, admin: string, user: string }
}

/**
 * The northwind world of {@link defaultSeed} under another company id,
 * with tokens of its own, so tests running side by side against one
 * database never share a company.
 */
export function isolatedSeed (companyId: string): IsolatedSeed {
  const base = defaultSeed()
  const company = base.companies?.find((c) => c.id === 'northwind')
  if (!company) throw new Error('default seed lost its northwind company')
  const users = (base.users ?? [])
    .filter((u) => u.company === 'northwind')
    .map((u) => ({ ...u, company: companyId }))
  const n = seedTokens.northwind
  const tokens = {
    service: `${companyId}-service-token`,
    admin: `${companyId}-admin-token`,
    user: `${companyId}-user-token`
  }
  const renamed: Record<string, string> = {
    [n.service]: tokens.service,
    [n.admin]: tokens.admin,
    [n.user]: tokens.user
  }
  const seedTokensById = Object.entries(base.tokens ?? {})
    .filter(([token]) => token in renamed)
    .map(([token, userId]) => [renamed[token] ?? token, userId])
  return {
    seed: {
      companies: [{ ...company, id: companyId }],
      users,
      tokens: Object.fromEntries(seedTokensById),
      devices: base.devices ?? [],
      transactions: base.transactions ?? []
    },
    tokens
  }
}
