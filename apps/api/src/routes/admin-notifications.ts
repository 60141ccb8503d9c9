import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  createNotification,
  deleteNotification,
  getNotification,
  listNotifications,
  updateNotification,
  type NotificationFields
} from '@herald/db'
import { callerOf } from '../plugins/caller.js'
import { checkNotification, toApi, toColumns } from '../lib/notification-fields.js'
import { pageWindow, toPage } from '../lib/pagination.js'
import { Success, SuccessOf, errorResponses } from '../schemas/common.js'
import {
  Notification,
  NotificationCreate,
  NotificationListQuery,
  NotificationParams,
  NotificationPatch
} from '../schemas/notification.js'

const NotificationPage = Type.Object({
  count: Type.Integer(),
  next: Type.Union([Type.String(), Type.Null()]),
  previous: Type.Union([Type.String(), Type.Null()]),
  results: Type.Array(Notification)
})

/** Admin management of the company's notifications. */
const adminNotificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['admin: notifications']
  const security = [{ token: [] }]
  app.addHook('preHandler', app.requireAdmin)

  app.get('/admin/notifications/', {
    schema: {
      tags, security,
      summary: 'List notifications',
      querystring: NotificationListQuery,
      response: { 200: SuccessOf(NotificationPage), ...errorResponses }
    }
  }, async function listHandler (request) {
    const { company } = callerOf(request)
    const q = request.query
    const { count, rows } = await listNotifications(app.db, company.id, {
      ...pageWindow(q),
      event: q.event,
      name: q.name,
      type: q.type,
      newestFirst: q.orderby === '-created'
    })
    const page = toPage(request, app.config.PUBLIC_URL, count, rows.map(toApi))
    return { status: 'success' as const, data: page }
  })

  app.post('/admin/notifications/', {
    schema: {
      tags, security,
      summary: 'Create a notification',
      body: NotificationCreate,
      response: { 201: SuccessOf(Notification), ...errorResponses }
    }
  }, async function createHandler (request, reply) {
    const { company } = callerOf(request)
    checkNotification(app.renderer, request.body)
    const fields = toColumns(request.body) as NotificationFields
    const row = await createNotification(app.db, company.id, fields)
    return reply.code(201).send({ status: 'success' as const, data: toApi(row) })
  })

  app.get('/admin/notifications/:id/', {
    schema: {
      tags, security,
      summary: 'Get a notification',
      params: NotificationParams,
      response: { 200: SuccessOf(Notification), ...errorResponses }
    }
  }, async function detailHandler (request) {
    const { company } = callerOf(request)
    const row = await getNotification(app.db, company.id, request.params.id)
    return { status: 'success' as const, data: toApi(row) }
  })

  app.patch('/admin/notifications/:id/', {
    schema: {
      tags, security,
      summary: 'Update some fields of a notification',
      params: NotificationParams,
      body: NotificationPatch,
      response: { 200: SuccessOf(Notification), ...errorResponses }
    }
  }, async function patchHandler (request) {
    const { company } = callerOf(request)
    const current = await getNotification(app.db, company.id, request.params.id)
    checkNotification(app.renderer, { ...toApi(current), ...request.body })
    const row = await updateNotification(
      app.db, company.id, request.params.id, toColumns(request.body)
    )
    return { status: 'success' as const, data: toApi(row) }
  })

  app.delete('/admin/notifications/:id/', {
    schema: {
      tags, security,
      summary: 'Delete a notification',
      params: NotificationParams,
      response: { 200: Success, ...errorResponses }
    }
  }, async function deleteHandler (request) {
    const { company } = callerOf(request)
    await deleteNotification(app.db, company.id, request.params.id)
    return { status: 'success' as const }
  })
}

export default adminNotificationRoutes
