import type { SimCompany, SimDevice, SimGroup, SimUser } from './types.js'

const STAFF_GROUPS = new Set(['admin', 'service'])

/** A user in the shape of `/3/auth/` (see fixtures/auth-*.json). */
export function serializeUser (u: SimUser): Record<string, unknown> {
  return {
    id: u.id,
    username: u.username ?? null,
    email: u.email,
    mobile: u.mobile,
    first_name: u.first_name,
    last_name: u.last_name,
    groups: u.groups.map(serializeGroup),
    company: u.company,
    language: u.language,
    timezone: u.timezone,
    verification: u.verification ?? { email: false, mobile: false },
    status: u.status ?? 'pending',
    created: u.created ?? 0,
    updated: u.updated ?? u.created ?? 0
  }
}

function serializeGroup (g: SimGroup): Required<SimGroup> {
  return {
    name: g.name,
    label: g.label ?? g.name.charAt(0).toUpperCase() + g.name.slice(1),
    section: g.section ?? (STAFF_GROUPS.has(g.name) ? 'admin' : 'user')
  }
}

/** A company in the shape of fixtures/admin-company.json. */
export function serializeCompany (c: SimCompany): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    description: c.description ?? '',
    website: c.website ?? null,
    logo: c.logo ?? null,
    icon: c.icon ?? null,
    system_email: c.system_email,
    support_email: c.support_email ?? null,
    mode: c.mode,
    status: c.status ?? 'active'
  }
}

/** A device with its apps; missing names become null. */
export function serializeDevice (d: SimDevice): Record<string, unknown> {
  return {
    id: d.id,
    user: d.user,
    name: d.name ?? null,
    apps: d.apps.map((a) => ({ ...a, name: a.name ?? null }))
  }
}

/** True when the user may call `/3/admin/...` routes. */
export function isStaff (u: SimUser): boolean {
  return u.groups.some((g) => STAFF_GROUPS.has(g.name))
}
