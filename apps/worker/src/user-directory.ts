import {
  retiredPushTokens,
  serviceToken,
  userPushSubscriptions,
  type Company
} from '@herald/db'
import { PlatformNotFoundError, type PlatformUser } from '@herald/platform'
import { NoServiceTokenError } from './errors.js'
import type { WorkerDeps } from './deps.js'

/**
 * What planning needs to know about the users an event reaches, read once
 * per event: the same user's record and devices serve every notification.
 */
export interface UserDirectory {
  /** The platform's record of the user, or null when it knows none. */
  user (id: string): Promise<PlatformUser | null>
  /** Expo push tokens of the user's devices, retired ones left out. */
  expoTokens (id: string): Promise<string[]>
  /** Endpoints of the user's browser (Web Push) subscriptions. */
  browserEndpoints (id: string): Promise<string[]>
}

type Deps = Pick<WorkerDeps, 'db' | 'box' | 'platform'>

function memo<T> (load: (id: string) => Promise<T>): (id: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>()
  return (id) => {
    let found = seen.get(id)
    if (!found) {
      found = load(id)
      seen.set(id, found)
    }
    return found
  }
}

/**
 * A directory of the company's users over the platform API and our own
 * tables. Platform outages propagate, so the event job is retried rather
 * than planned without recipients.
 */
export function createUserDirectory (deps: Deps, company: Company): UserDirectory {
  const { db, box, platform } = deps
  const token = (): string => {
    const value = serviceToken(box, company)
    if (value === null) throw new NoServiceTokenError(company.id)
    return value
  }

  async function loadUser (id: string): Promise<PlatformUser | null> {
    try {
      return await platform.user(token(), id)
    } catch (err) {
      if (err instanceof PlatformNotFoundError) return null
      throw err
    }
  }

  async function loadTokens (id: string): Promise<string[]> {
    const devices = await platform.devices(token(), id)
    const tokens = devices.flatMap((d) => d.apps)
      .filter((app) => app.type === 'expo')
      .map((app) => app.token)
    const unique = [...new Set(tokens)]
    const retired = await retiredPushTokens(db, company.id, unique)
    return unique.filter((t) => !retired.has(t))
  }

  async function loadEndpoints (id: string): Promise<string[]> {
    const subs = await userPushSubscriptions(db, company.id, id)
    return subs.map((sub) => sub.endpoint)
  }

  return {
    user: memo(loadUser),
    expoTokens: memo(loadTokens),
    browserEndpoints: memo(loadEndpoints)
  }
}

/** The credential types the company stored, i.e. the providers it brings. */
export async function companyProviders (
  db: WorkerDeps['db'],
  companyId: string
): Promise<ReadonlySet<string>> {
  const rows = await db.credential.findMany({
    where: { companyId },
    select: { credentialType: true }
  })
  return new Set(rows.map((row) => row.credentialType))
}
