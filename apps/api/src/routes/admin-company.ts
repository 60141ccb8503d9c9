import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { updateCompanySettings, type Company, type CompanySettings as Columns } from '@herald/db'
import { maskSecret } from '@herald/log'
import type { SecretBox } from '@herald/db'
import { callerOf } from '../plugins/caller.js'
import { SuccessOf, errorResponses } from '../schemas/common.js'
import {
  CompanyPatch,
  CompanyReplace,
  CompanySettings,
  type CompanySettingsApi
} from '../schemas/company.js'

function toApi (box: SecretBox, company: Company): CompanySettingsApi {
  return {
    id: company.id,
    secret: maskSecret(box.open(company.webhookSecretEnc)),
    mode: company.mode,
    name: company.name,
    system_email: company.systemEmail,
    support_email: company.supportEmail,
    contact_email: company.contactEmail,
    website: company.website,
    logo: company.logo,
    icon: company.icon,
    push_enabled: company.pushEnabled
  }
}

function toColumns (body: CompanyPatch): Partial<Columns> {
  const out: Partial<Columns> = {}
  if (body.name !== undefined) out.name = body.name
  if (body.system_email !== undefined) out.systemEmail = body.system_email
  if (body.support_email !== undefined) out.supportEmail = body.support_email
  if (body.contact_email !== undefined) out.contactEmail = body.contact_email
  if (body.website !== undefined) out.website = body.website
  if (body.logo !== undefined) out.logo = body.logo
  if (body.icon !== undefined) out.icon = body.icon
  if (body.push_enabled !== undefined) out.pushEnabled = body.push_enabled
  return out
}

/** What a replace sets for the optional fields its body leaves out. */
const CLEARED: CompanyPatch = {
  system_email: null,
  support_email: null,
  contact_email: null,
  website: null,
  logo: null,
  icon: null,
  push_enabled: false
}

/** The company's own settings; `secret` and `mode` are read-only. */
const adminCompanyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['admin: company']
  const security = [{ token: [] }]
  app.addHook('preHandler', app.requireAdmin)

  app.get('/admin/company/', {
    schema: {
      tags, security,
      summary: 'Get the company settings',
      response: { 200: SuccessOf(CompanySettings), ...errorResponses }
    }
  }, async function getCompany (request) {
    const { company } = callerOf(request)
    return { status: 'success' as const, data: toApi(app.box, company) }
  })

  app.put('/admin/company/', {
    schema: {
      tags, security,
      summary: 'Replace the company settings',
      body: CompanyReplace,
      response: { 200: SuccessOf(CompanySettings), ...errorResponses }
    }
  }, async function replaceCompany (request) {
    const { company } = callerOf(request)
    const columns = toColumns({ ...CLEARED, ...request.body })
    const row = await updateCompanySettings(app.db, company.id, columns)
    return { status: 'success' as const, data: toApi(app.box, row) }
  })

  app.patch('/admin/company/', {
    schema: {
      tags, security,
      summary: 'Update some company settings',
      body: CompanyPatch,
      response: { 200: SuccessOf(CompanySettings), ...errorResponses }
    }
  }, async function patchCompany (request) {
    const { company } = callerOf(request)
    const row = await updateCompanySettings(app.db, company.id, toColumns(request.body))
    return { status: 'success' as const, data: toApi(app.box, row) }
  })
}

export default adminCompanyRoutes
