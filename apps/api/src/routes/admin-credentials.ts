import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ConflictError,
  createCredential,
  deleteCredential,
  getCredential,
  listCredentials,
  mapPrismaError,
  updateCredential,
  type CredentialType,
  type CredentialValues,
  type OpenCredential
} from '@herald/db'
import { Errors } from '../errors.js'
import { callerOf } from '../plugins/caller.js'
import {
  checkCredentials,
  keepMaskedSecrets,
  maskCredentials,
  normalise
} from '../lib/credential-rules.js'
import { pageWindow, toPage } from '../lib/pagination.js'
import { PageOf, Success, SuccessOf, errorResponses } from '../schemas/common.js'
import {
  Credential,
  CredentialCreate,
  CredentialListQuery,
  CredentialParams,
  CredentialPatch
} from '../schemas/credential.js'

function toApi (row: OpenCredential) {
  return {
    id: row.id,
    credential_type: row.credentialType as CredentialType,
    credentials: maskCredentials(row.credentials),
    created: row.createdAt.getTime(),
    updated: row.updatedAt.getTime()
  }
}

/** One credential per provider type: a second is a field error. */
async function uniquePerType<T> (type: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (err) {
    if (!(mapPrismaError(err) instanceof ConflictError)) throw err
    throw Errors.validation({
      credential_type: [`This company already has ${type} credentials.`]
    })
  }
}

/**
 * The company's own provider accounts. Values are sealed at rest and
 * secrets are masked in every answer.
 */
const adminCredentialRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['admin: credentials']
  const security = [{ token: [] }]
  app.addHook('preHandler', app.requireAdmin)

  async function save (
    companyId: string,
    id: number,
    type: CredentialType,
    values: CredentialValues
  ) {
    checkCredentials(type, values)
    const row = await uniquePerType(type, () =>
      updateCredential(app.db, app.box, companyId, id, { type, values }))
    return { status: 'success' as const, data: toApi(row) }
  }

  app.get('/admin/credentials/', {
    schema: {
      tags, security,
      summary: 'List provider credentials (secrets masked)',
      querystring: CredentialListQuery,
      response: { 200: SuccessOf(PageOf(Credential)), ...errorResponses }
    }
  }, async function listHandler (request) {
    const { company } = callerOf(request)
    const q = request.query
    const { count, rows } = await listCredentials(app.db, app.box, company.id, {
      ...pageWindow(q), type: q.credential_type, newestFirst: q.orderby === '-created'
    })
    const page = toPage(request, app.config.PUBLIC_URL, count, rows.map(toApi))
    return { status: 'success' as const, data: page }
  })

  app.post('/admin/credentials/', {
    schema: {
      tags, security,
      summary: 'Add a provider credential',
      body: CredentialCreate,
      response: { 201: SuccessOf(Credential), ...errorResponses }
    }
  }, async function createHandler (request, reply) {
    const { company } = callerOf(request)
    const type = request.body.credential_type
    const values = normalise(request.body.credentials)
    checkCredentials(type, values)
    const row = await uniquePerType(type, () =>
      createCredential(app.db, app.box, company.id, type, values))
    request.log.info({ company: company.id, type }, 'credential added')
    return reply.code(201).send({ status: 'success' as const, data: toApi(row) })
  })

  app.get('/admin/credentials/:id/', {
    schema: {
      tags, security,
      summary: 'Get a provider credential (secrets masked)',
      params: CredentialParams,
      response: { 200: SuccessOf(Credential), ...errorResponses }
    }
  }, async function detailHandler (request) {
    const { company } = callerOf(request)
    const row = await getCredential(app.db, app.box, company.id, request.params.id)
    return { status: 'success' as const, data: toApi(row) }
  })

  app.put('/admin/credentials/:id/', {
    schema: {
      tags, security,
      summary: 'Replace a provider credential',
      params: CredentialParams,
      body: CredentialCreate,
      response: { 200: SuccessOf(Credential), ...errorResponses }
    }
  }, async function replaceHandler (request) {
    const { company } = callerOf(request)
    const { id } = request.params
    const current = await getCredential(app.db, app.box, company.id, id)
    const values = keepMaskedSecrets(normalise(request.body.credentials), current.credentials)
    return save(company.id, id, request.body.credential_type, values)
  })

  app.patch('/admin/credentials/:id/', {
    schema: {
      tags, security,
      summary: 'Update a provider credential',
      description: 'Keys in `credentials` are merged into the stored ones; ' +
        'an empty string removes a key.',
      params: CredentialParams,
      body: CredentialPatch,
      response: { 200: SuccessOf(Credential), ...errorResponses }
    }
  }, async function patchHandler (request) {
    const { company } = callerOf(request)
    const { id } = request.params
    const current = await getCredential(app.db, app.box, company.id, id)
    const type = request.body.credential_type ?? current.credentialType as CredentialType
    const incoming = request.body.credentials ?? {}
    const merged = { ...current.credentials, ...incoming }
    const values = keepMaskedSecrets(normalise(merged), current.credentials)
    return save(company.id, id, type, values)
  })

  app.delete('/admin/credentials/:id/', {
    schema: {
      tags, security,
      summary: 'Delete a provider credential',
      params: CredentialParams,
      response: { 200: Success, ...errorResponses }
    }
  }, async function deleteHandler (request) {
    const { company } = callerOf(request)
    await deleteCredential(app.db, company.id, request.params.id)
    return { status: 'success' as const }
  })
}

export default adminCredentialRoutes
