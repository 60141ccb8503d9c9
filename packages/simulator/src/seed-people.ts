import type { SimCompany, SimUser } from './types.js'

/** Ids of the invented seed users, for tests that look them up. */
export const seedUserIds = {
  northwindAdmin: '6a1d9e52-0c3b-4f8a-b7d4-2e9f1c0a5b36',
  amara: '8e2f4c71-5a9b-4d06-93c8-1b7e6d5f2a40',
  kenji: 'c4b8a1f0-7e2d-4c95-8a63-0f1e2d3c4b5a',
  southwindService: 'f1e2d3c4-b5a6-4978-8a1b-2c3d4e5f6a7b',
  southwindAdmin: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
  milo: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a'
} as const

/** A staff or end user with the usual seed defaults. */
function person (
  id: string,
  company: string,
  group: string,
  fields: Partial<SimUser>
): SimUser {
  return {
    id, company, email: null, mobile: null, first_name: '', last_name: '',
    username: null, language: 'en', timezone: 'UTC',
    groups: [{ name: group }],
    verification: { email: false, mobile: false },
    status: 'pending', created: 1719000000000, updated: 1719000000000,
    ...fields
  }
}

/** Northwind's users besides the two read from the fixtures. */
export function northwindPeople (): SimUser[] {
  return [
    person(seedUserIds.northwindAdmin, 'northwind', 'admin', {
      email: 'ops@northwind.example', first_name: 'Ops', last_name: 'Admin'
    }),
    person(seedUserIds.amara, 'northwind', 'individual', {
      mobile: '+15550100888', first_name: 'Amara', last_name: 'Eze',
      timezone: 'Africa/Lagos', verification: { email: false, mobile: true },
      status: 'verified'
    }),
    person(seedUserIds.kenji, 'northwind', 'individual', {
      email: 'kenji.sato@example.com', mobile: '+15550100999',
      first_name: 'Kenji', last_name: 'Sato', language: 'ja',
      timezone: 'Asia/Tokyo', verification: { email: true, mobile: true },
      status: 'verified'
    })
  ]
}

/** A second company, to prove every route is scoped to the caller's. */
export function southwind (): { company: SimCompany; users: SimUser[] } {
  return {
    company: {
      id: 'southwind', name: 'Southwind Pay',
      system_email: 'no-reply@southwind.example',
      support_email: 'support@southwind.example',
      website: 'https://southwind.example', mode: 'production'
    },
    users: [
      person(seedUserIds.southwindService, 'southwind', 'service', {
        email: 'bot@southwind.example', first_name: 'Southwind',
        last_name: 'Bot'
      }),
      person(seedUserIds.southwindAdmin, 'southwind', 'admin', {
        email: 'admin@southwind.example', first_name: 'Sol', last_name: 'Admin'
      }),
      person(seedUserIds.milo, 'southwind', 'individual', {
        email: 'milo.costa@example.com', first_name: 'Milo',
        last_name: 'Costa', language: 'pt', timezone: 'America/Sao_Paulo',
        verification: { email: true, mobile: false }, status: 'verified'
      })
    ]
  }
}
