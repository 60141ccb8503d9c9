import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { getDeliveryLog, listDeliveryLogs } from '@herald/db'
import { callerOf } from '../plugins/caller.js'
import { toAdminLog, toLogQuery } from '../lib/log-fields.js'
import { toPage } from '../lib/pagination.js'
import { resendDelivery } from '../lib/resend.js'
import { PageOf, SuccessOf, errorResponses } from '../schemas/common.js'
import { Log, LogListQuery, LogParams, ResendBody } from '../schemas/log.js'

/** An action may be posted without a body; it reads as `{}`. */
async function emptyBodyIsObject (request: FastifyRequest): Promise<void> {
  request.body ??= {}
}

/** The company's delivery log. */
const adminLogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['admin: logs']
  const security = [{ token: [] }]
  app.addHook('preHandler', app.requireAdmin)

  app.get('/admin/logs/', {
    schema: {
      tags, security,
      summary: 'List deliveries',
      querystring: LogListQuery,
      response: { 200: SuccessOf(PageOf(Log)), ...errorResponses }
    }
  }, async function listHandler (request) {
    const { company } = callerOf(request)
    const { count, rows } = await listDeliveryLogs(app.db, company.id, toLogQuery(request.query))
    const page = toPage(request, app.config.PUBLIC_URL, count, rows.map(toAdminLog))
    return { status: 'success' as const, data: page }
  })

  app.get('/admin/logs/:id/', {
    schema: {
      tags, security,
      summary: 'Get a delivery',
      params: LogParams,
      response: { 200: SuccessOf(Log), ...errorResponses }
    }
  }, async function detailHandler (request) {
    const { company } = callerOf(request)
    const row = await getDeliveryLog(app.db, company.id, request.params.id)
    return { status: 'success' as const, data: toAdminLog(row) }
  })

  app.post('/admin/logs/:id/send/', {
    preValidation: emptyBodyIsObject,
    schema: {
      tags, security,
      summary: 'Send a delivery again',
      description: 'Queues a copy, to `recipient` when given, recorded as ' +
        'a new log entry which the answer holds.',
      params: LogParams,
      body: ResendBody,
      response: { 200: SuccessOf(Log), ...errorResponses }
    }
  }, async function resendHandler (request) {
    const { company } = callerOf(request)
    const copy = await resendDelivery(app, company.id, request.params.id, request.body.recipient)
    request.log.info({ company: company.id, original: request.params.id, deliveryId: copy.id },
      'delivery resent')
    return { status: 'success' as const, data: toAdminLog(copy) }
  })
}

export default adminLogRoutes
