import type { FastifyInstance } from 'fastify'
import {
  activateCompany,
  deactivateCompany,
  findCompany,
  purgeCompany,
  replaceServiceToken,
  type CompanyMode
} from '@herald/db'
import {
  isAdmin,
  PLATFORM_EVENTS,
  type PlatformCompany,
  type PlatformUser
} from '@herald/platform'
import { Errors } from '../errors.js'

/** Checks a service token with the platform; it must be admin or service. */
async function verifyServiceToken (
  app: FastifyInstance,
  token: string
): Promise<PlatformUser> {
  const user = await app.platform.auth(`Token ${token}`)
  if (!isAdmin(user)) throw Errors.notServiceUser()
  return user
}

const toMode = (mode: string | null | undefined): CompanyMode =>
  mode === 'production' ? 'production' : 'test'

function toProfile (company: PlatformCompany) {
  return {
    id: company.id,
    name: company.name,
    systemEmail: company.system_email,
    supportEmail: company.support_email ?? null,
    mode: toMode(company.mode)
  }
}

export async function activate (app: FastifyInstance, token: string): Promise<void> {
  const user = await verifyServiceToken(app, token)
  const profile = await app.platform.company(token)
  const result = await activateCompany(app.db, app.box, {
    profile: toProfile(profile),
    serviceUserId: user.id,
    serviceToken: token
  })
  app.webhookCompanies.forget(profile.id)
  app.log.info({ company: profile.id, created: result.created }, 'company activated')
  if (app.config.REGISTER_WEBHOOKS) {
    await registerWebhooks(app, token, result.webhookSecret)
  }
}

/** Registers every platform event, a few at a time; "exists" is done. */
async function registerWebhooks (
  app: FastifyInstance,
  token: string,
  secret: string
): Promise<void> {
  const url = new URL(`${app.config.API_BASE_PATH}/webhook/`, app.config.PUBLIC_URL)
  const pending = [...PLATFORM_EVENTS]
  async function next (): Promise<void> {
    for (let event = pending.shift(); event; event = pending.shift()) {
      await app.platform.registerWebhook(token, { url: url.href, event, secret })
    }
  }
  await Promise.all(Array.from({ length: 6 }, next))
}

export async function deactivate (
  app: FastifyInstance,
  token: string,
  purge: boolean
): Promise<void> {
  const user = await verifyServiceToken(app, token)
  const company = await findCompany(app.db, user.company)
  if (!company) throw Errors.notActivated()
  if (purge) await purgeCompany(app.db, company.id)
  else await deactivateCompany(app.db, company.id)
  app.webhookCompanies.forget(company.id)
  app.log.info({ company: company.id, purge }, 'company deactivated')
}

export async function rotate (app: FastifyInstance, token: string): Promise<void> {
  const user = await verifyServiceToken(app, token)
  const company = await findCompany(app.db, user.company)
  if (!company?.active) throw Errors.notActivated()
  await replaceServiceToken(app.db, app.box, company.id, user.id, token)
  app.webhookCompanies.forget(company.id)
  app.log.info({ company: company.id }, 'service token replaced')
}
