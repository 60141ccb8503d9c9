import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getDeliveryLog, listDeliveryLogs, markReceived } from '@herald/db'
import { callerOf } from '../plugins/caller.js'
import { toLogQuery, toUserLog } from '../lib/log-fields.js'
import { toPage } from '../lib/pagination.js'
import { PageOf, SuccessOf, errorResponses } from '../schemas/common.js'
import { LogParams, ReceivedBody, UserLog, UserLogListQuery } from '../schemas/log.js'

/** The caller's own messages: nobody else's, recipients masked. */
const userLogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['user: logs']
  const security = [{ token: [] }]
  app.addHook('preHandler', app.requireUser)

  app.get('/user/logs/', {
    schema: {
      tags, security,
      summary: 'List my messages',
      querystring: UserLogListQuery,
      response: { 200: SuccessOf(PageOf(UserLog)), ...errorResponses }
    }
  }, async function listHandler (request) {
    const { company, user } = callerOf(request)
    const query = { ...toLogQuery(request.query), userId: user.id }
    const { count, rows } = await listDeliveryLogs(app.db, company.id, query)
    const page = toPage(request, app.config.PUBLIC_URL, count, rows.map(toUserLog))
    return { status: 'success' as const, data: page }
  })

  app.get('/user/logs/:id/', {
    schema: {
      tags, security,
      summary: 'Get one of my messages',
      params: LogParams,
      response: { 200: SuccessOf(UserLog), ...errorResponses }
    }
  }, async function detailHandler (request) {
    const { company, user } = callerOf(request)
    const row = await getDeliveryLog(app.db, company.id, request.params.id, user.id)
    return { status: 'success' as const, data: toUserLog(row) }
  })

  app.patch('/user/logs/:id/', {
    schema: {
      tags, security,
      summary: 'Mark one of my messages received (or not)',
      params: LogParams,
      body: ReceivedBody,
      response: { 200: SuccessOf(UserLog), ...errorResponses }
    }
  }, async function receivedHandler (request) {
    const { company, user } = callerOf(request)
    const row = await markReceived(
      app.db, company.id, user.id, request.params.id, request.body.received
    )
    return { status: 'success' as const, data: toUserLog(row) }
  })
}

export default userLogRoutes
