import { readFixtureData } from './fixtures.js'
import { northwindPeople, seedUserIds, southwind } from './seed-people.js'
import type {
  SimCompany, SimDevice, SimSeed, SimTransaction, SimUser
} from './types.js'

/** Tokens of the default seed, by company and role. */
export const seedTokens = {
  northwind: {
    service: 'service-token-northwind',
    admin: 'admin-token-northwind',
    user: 'user-token-lina'
  },
  southwind: {
    service: 'service-token-southwind',
    admin: 'admin-token-southwind',
    user: 'user-token-milo'
  }
} as const

/**
 * A fresh copy of the default world: company `northwind` from
 * fixtures/admin-company.json with Lina (auth-end-user.json), its service
 * user (auth-service-user.json), an admin and two more individuals; Lina's
 * Expo device; the transaction of webhook-transaction-execute.json with one
 * fee child; and company `southwind` with a service, an admin and a user.
 */
export function defaultSeed (): SimSeed {
  const lina = readFixtureData<SimUser>('auth-end-user.json')
  const service = readFixtureData<SimUser>('auth-service-user.json')
  const other = southwind()
  return {
    companies: [
      readFixtureData<SimCompany>('admin-company.json'), other.company
    ],
    users: [lina, service, ...northwindPeople(), ...other.users],
    tokens: tokensFor(lina.id, service.id),
    devices: [linaPhone(lina.id)],
    transactions: transactions()
  }
}

function tokensFor (linaId: string, serviceId: string): Record<string, string> {
  const { northwind: n, southwind: s } = seedTokens
  return {
    [n.user]: linaId,
    [n.service]: serviceId,
    [n.admin]: seedUserIds.northwindAdmin,
    [s.service]: seedUserIds.southwindService,
    [s.admin]: seedUserIds.southwindAdmin,
    [s.user]: seedUserIds.milo
  }
}

function linaPhone (userId: string): SimDevice {
  return {
    id: 'device-lina-phone',
    user: userId,
    name: 'Lina phone',
    apps: [{
      id: 'app-lina-wallet',
      type: 'expo',
      token: 'ExponentPushToken[sim-lina-0001]',
      name: 'Northwind Wallet'
    }]
  }
}

function transactions (): SimTransaction[] {
  const parent = readFixtureData<SimTransaction>(
    'webhook-transaction-execute.json'
  )
  const fee: SimTransaction = {
    id: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
    parent: parent.id,
    tx_type: 'debit',
    subtype: 'fee',
    status: 'Complete',
    amount: -50,
    fee: 0,
    total_amount: -50,
    currency: parent.currency,
    user: parent.user,
    created: 1719500100900,
    updated: 1719500100900
  }
  return [parent, fee]
}
