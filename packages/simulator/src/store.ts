import type {
  RegisteredWebhook, SimCompany, SimDevice, SimSeed, SimTransaction, SimUser
} from './types.js'

/** The simulator's in-memory platform state. */
export class SimStore {
  readonly companies = new Map<string, SimCompany>()
  readonly users = new Map<string, SimUser>()
  readonly tokens = new Map<string, string>()
  readonly devices = new Map<string, SimDevice>()
  readonly transactions = new Map<string, SimTransaction>()
  readonly webhooks: RegisteredWebhook[] = []

  constructor (seed: SimSeed = {}) {
    for (const c of seed.companies ?? []) this.addCompany(c)
    for (const u of seed.users ?? []) this.addUser(u)
    for (const [t, id] of Object.entries(seed.tokens ?? {})) {
      this.addToken(t, id)
    }
    for (const d of seed.devices ?? []) this.addDevice(d)
    for (const t of seed.transactions ?? []) this.addTransaction(t)
  }

  addCompany (c: SimCompany): void { this.companies.set(c.id, c) }
  addUser (u: SimUser): void { this.users.set(u.id, u) }
  addToken (token: string, userId: string): void {
    this.tokens.set(token, userId)
  }

  addDevice (d: SimDevice): void { this.devices.set(d.id, d) }
  addTransaction (t: SimTransaction): void {
    this.transactions.set(t.id, t)
  }

  /** The user a token belongs to, if both exist. */
  userOfToken (token: string): SimUser | undefined {
    const id = this.tokens.get(token)
    return id === undefined ? undefined : this.users.get(id)
  }

  /** A user of `company`, or undefined (also for another company's). */
  companyUser (company: string, id: string): SimUser | undefined {
    const user = this.users.get(id)
    return user?.company === company ? user : undefined
  }

  companyUsers (company: string): SimUser[] {
    return [...this.users.values()].filter((u) => u.company === company)
  }

  companyDevices (company: string): SimDevice[] {
    return [...this.devices.values()]
      .filter((d) => this.companyUser(company, d.user) !== undefined)
  }

  companyTransactions (company: string): SimTransaction[] {
    return [...this.transactions.values()]
      .filter((t) => this.transactionCompany(t) === company)
  }

  private transactionCompany (t: SimTransaction): string | undefined {
    if (typeof t.company === 'string') return t.company
    const user = t.user
    if (typeof user !== 'object' || user === null || !('id' in user)) {
      return undefined
    }
    return typeof user.id === 'string'
      ? this.users.get(user.id)?.company
      : undefined
  }
}
