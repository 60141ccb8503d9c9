import type {
  PlatformCompany,
  PlatformDevice,
  PlatformDeviceApp,
  PlatformGroup,
  PlatformTransaction,
  PlatformUser
} from './types.js'

/*
 * Turns the `data` of a platform envelope into typed records. Every decoder
 * throws a TypeError naming the bad field; the client wraps it in a
 * PlatformUnavailableError, since a malformed answer is an upstream fault.
 */

type Fields = Record<string, unknown>

/** One page of a list answer; `next` is the raw URL or null. */
export interface Page {
  results: unknown[]
  next: string | null
}

function isFields (value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function fieldsOf (value: unknown, what: string): Fields {
  if (!isFields(value)) throw new TypeError(`${what} is not an object`)
  return value
}

function requiredString (fields: Fields, key: string, what: string): string {
  const value = fields[key]
  if (typeof value !== 'string') {
    throw new TypeError(`${what}.${key} is not a string`)
  }
  return value
}

function nullableString (
  fields: Fields, key: string, what: string
): string | null {
  const value = fields[key]
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') {
    throw new TypeError(`${what}.${key} is not a string or null`)
  }
  return value
}

/** Ids are strings in the spec; numeric ids are accepted and stringified. */
function idOf (value: unknown, what: string): string {
  if (typeof value === 'string' && value !== '') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  throw new TypeError(`${what}.id is missing`)
}

function decodeGroup (value: unknown): PlatformGroup {
  const fields = fieldsOf(value, 'group')
  const group: PlatformGroup = {
    name: requiredString(fields, 'name', 'group')
  }
  if (typeof fields['label'] === 'string') group.label = fields['label']
  if (typeof fields['section'] === 'string') group.section = fields['section']
  return group
}

function decodeVerification (
  value: unknown
): PlatformUser['verification'] {
  if (!isFields(value)) return undefined
  return {
    email: value['email'] === true,
    mobile: value['mobile'] === true
  }
}

/** Decodes a user from `/3/auth/` or `/3/admin/users/{id}/`. */
export function decodeUser (data: unknown): PlatformUser {
  const fields = fieldsOf(data, 'user')
  const groups = fields['groups']
  if (!Array.isArray(groups)) throw new TypeError('user.groups is not a list')
  const user: PlatformUser = {
    id: idOf(fields['id'], 'user'),
    email: nullableString(fields, 'email', 'user'),
    mobile: nullableString(fields, 'mobile', 'user'),
    first_name: nullableString(fields, 'first_name', 'user'),
    last_name: nullableString(fields, 'last_name', 'user'),
    username: nullableString(fields, 'username', 'user'),
    language: nullableString(fields, 'language', 'user'),
    timezone: nullableString(fields, 'timezone', 'user'),
    company: requiredString(fields, 'company', 'user'),
    groups: groups.map(decodeGroup)
  }
  const verification = decodeVerification(fields['verification'])
  if (verification) user.verification = verification
  return user
}

/** Decodes the company from `/3/admin/company/`. */
export function decodeCompany (data: unknown): PlatformCompany {
  const fields = fieldsOf(data, 'company')
  return {
    id: idOf(fields['id'], 'company'),
    name: requiredString(fields, 'name', 'company'),
    system_email: nullableString(fields, 'system_email', 'company'),
    support_email: nullableString(fields, 'support_email', 'company'),
    website: nullableString(fields, 'website', 'company'),
    logo: nullableString(fields, 'logo', 'company'),
    icon: nullableString(fields, 'icon', 'company'),
    mode: nullableString(fields, 'mode', 'company')
  }
}

/** Apps without a string push token cannot be reached, so they are dropped. */
function decodeApps (value: unknown): PlatformDeviceApp[] {
  if (!Array.isArray(value)) throw new TypeError('device.apps is not a list')
  const apps: PlatformDeviceApp[] = []
  for (const item of value) {
    const fields = fieldsOf(item, 'device app')
    const token = fields['token']
    if (typeof token !== 'string' || token === '') continue
    const app: PlatformDeviceApp = { token }
    if (fields['id'] !== undefined && fields['id'] !== null) {
      app.id = idOf(fields['id'], 'device app')
    }
    if (typeof fields['type'] === 'string') app.type = fields['type']
    apps.push(app)
  }
  return apps
}

/** Decodes one device from `/3/admin/users/devices/`. */
export function decodeDevice (data: unknown): PlatformDevice {
  const fields = fieldsOf(data, 'device')
  return {
    id: idOf(fields['id'], 'device'),
    apps: decodeApps(fields['apps'] ?? [])
  }
}

/** Decodes a transaction, keeping every field the platform sent. */
export function decodeTransaction (data: unknown): PlatformTransaction {
  const fields = fieldsOf(data, 'transaction')
  const transaction: PlatformTransaction = {
    ...fields,
    id: idOf(fields['id'], 'transaction')
  }
  for (const key of ['amount', 'fee'] as const) {
    const value = fields[key]
    if (value !== undefined && typeof value !== 'number') {
      throw new TypeError(`transaction.${key} is not a number`)
    }
  }
  return transaction
}

/**
 * Reads a list answer. Lists are normally paginated
 * (`{count, next, previous, results}`) but some endpoints answer a bare
 * array; that counts as a single, last page.
 */
export function decodePage (data: unknown): Page {
  if (Array.isArray(data)) return { results: data, next: null }
  const fields = fieldsOf(data, 'list')
  const results = fields['results']
  if (!Array.isArray(results)) {
    throw new TypeError('list.results is not a list')
  }
  const next = fields['next']
  if (next !== null && next !== undefined && typeof next !== 'string') {
    throw new TypeError('list.next is not a string or null')
  }
  return { results, next: next || null }
}
