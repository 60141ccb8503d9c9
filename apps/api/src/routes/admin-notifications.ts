import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  createNotification,
  deleteNotification,
  getNotification,
  listNotifications,
  updateNotification,
  type NotificationFields
} from '@herald/db'
import { callerOf } from '../plugins/caller.js'
import {
  NOTIFICATION_DEFAULTS,
  checkNotification,
  toApi,
  toColumns,
  withPreset
} from '../lib/notification-fields.js'
import { checkLayoutRef } from '../lib/layout-ref.js'
import { channelsOf, idsOf, valuesOf } from '../lib/list-filters.js'
import { pageWindow, toPage } from '../lib/pagination.js'
import { triggerNotification } from '../lib/trigger.js'
import { PageOf, Success, SuccessOf, errorResponses } from '../schemas/common.js'
import {
  Notification,
  NotificationCreate,
  NotificationListQuery,
  NotificationParams,
  NotificationPatch,
  TriggerBody
} from '../schemas/notification.js'

/** Admin management of the company's notifications. */
const adminNotificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['admin: notifications']
  const security = [{ token: [] }]
  app.addHook('preHandler', app.requireAdmin)

  /** Validates the notification as it will be saved; returns its columns. */
  async function prepare (companyId: string, merged: NotificationPatch) {
    checkNotification(app.renderer, merged)
    await checkLayoutRef(app, companyId, merged)
    return toColumns(merged)
  }

  app.get('/admin/notifications/', {
    schema: {
      tags, security,
      summary: 'List notifications',
      querystring: NotificationListQuery,
      response: { 200: SuccessOf(PageOf(Notification)), ...errorResponses }
    }
  }, async function listHandler (request) {
    const { company } = callerOf(request)
    const q = request.query
    const { count, rows } = await listNotifications(app.db, company.id, {
      ...pageWindow(q),
      event: q.event,
      name: q.name,
      type: q.type,
      layoutId: q.layout,
      eventIn: valuesOf(q.event__in),
      typeIn: channelsOf(q.type__in),
      layoutIdIn: idsOf(q.layout__in),
      newestFirst: q.orderby === '-created'
    })
    const page = toPage(request, app.config.PUBLIC_URL, count, rows.map(toApi))
    return { status: 'success' as const, data: page }
  })

  app.post('/admin/notifications/', {
    schema: {
      tags, security,
      summary: 'Create a notification',
      description: 'Naming a preset in `template` copies the fields the ' +
        'body leaves out from that preset.',
      body: NotificationCreate,
      response: { 201: SuccessOf(Notification), ...errorResponses }
    }
  }, async function createHandler (request, reply) {
    const { company } = callerOf(request)
    const fields = await prepare(company.id, withPreset(request.body))
    const row = await createNotification(app.db, company.id, fields as NotificationFields)
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

  app.put('/admin/notifications/:id/', {
    schema: {
      tags, security,
      summary: 'Replace a notification',
      description: 'Fields the body leaves out take their defaults, or the ' +
        'preset\'s values when `template` names one.',
      params: NotificationParams,
      body: NotificationCreate,
      response: { 200: SuccessOf(Notification), ...errorResponses }
    }
  }, async function replaceHandler (request) {
    const { company } = callerOf(request)
    const { id } = request.params
    await getNotification(app.db, company.id, id)
    const merged = { ...NOTIFICATION_DEFAULTS, ...withPreset(request.body) }
    const row = await updateNotification(
      app.db, company.id, id, await prepare(company.id, merged)
    )
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
    const { id } = request.params
    const current = toApi(await getNotification(app.db, company.id, id))
    await prepare(company.id, { ...current, ...request.body })
    const row = await updateNotification(app.db, company.id, id, toColumns(request.body))
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

  app.post('/admin/notifications/:id/trigger/', {
    schema: {
      tags, security,
      summary: 'Send a notification to users and groups now',
      description: 'Answers at once; the worker reads group members from ' +
        'the platform, renders with `data` as context and sends.',
      params: NotificationParams,
      body: TriggerBody,
      response: { 200: Success, ...errorResponses }
    }
  }, async function triggerHandler (request) {
    const { company } = callerOf(request)
    const triggerId = await triggerNotification(app, company, request.params.id, request.body)
    request.log.info({ company: company.id, triggerId }, 'trigger queued')
    return { status: 'success' as const }
  })
}

export default adminNotificationRoutes
