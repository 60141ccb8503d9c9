import { serviceToken, type Company, type Trigger } from '@herald/db'
import type { PlatformUser } from '@herald/platform'
import { NoServiceTokenError } from './errors.js'
import type { WorkerDeps } from './deps.js'
import type { UserDirectory } from './user-directory.js'

/** A user a trigger reaches; `user` is null when the platform knows none. */
export interface TriggerRecipient {
  id: string
  user: PlatformUser | null
}

/** Platform lookups in flight at once for explicitly named users. */
const LOOKUPS_AT_ONCE = 8

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

/**
 * Everyone a trigger names: its explicit users (read one by one) and every
 * member of its groups (read page by page from the platform), each once.
 * Platform outages propagate so the trigger job is retried.
 */
export async function triggerRecipients (
  deps: Pick<WorkerDeps, 'box' | 'platform'>,
  company: Company,
  trigger: Trigger,
  directory: UserDirectory
): Promise<TriggerRecipient[]> {
  const found = new Map<string, PlatformUser | null>()
  const ids = stringList(trigger.users)
  for (let i = 0; i < ids.length; i += LOOKUPS_AT_ONCE) {
    const batch = ids.slice(i, i + LOOKUPS_AT_ONCE)
    const users = await Promise.all(batch.map((id) => directory.user(id)))
    batch.forEach((id, at) => found.set(id, users[at] ?? null))
  }
  const groups = stringList(trigger.groups)
  if (groups.length > 0) {
    const token = serviceToken(deps.box, company)
    if (token === null) throw new NoServiceTokenError(company.id)
    for (const group of groups) {
      for await (const user of deps.platform.usersInGroup(token, group)) {
        found.set(user.id, user)
      }
    }
  }
  return [...found].map(([id, user]) => ({ id, user }))
}
