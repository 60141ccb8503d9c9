import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getNotification } from '@herald/db'
import { toApi } from '../lib/notification-fields.js'
import { previewNotification } from '../lib/preview.js'
import { callerOf } from '../plugins/caller.js'
import { SuccessOf, errorResponses } from '../schemas/common.js'
import { NotificationParams } from '../schemas/notification.js'
import { Preview, PreviewBody, UnsavedPreviewBody } from '../schemas/preview.js'

/**
 * What a notification would send, saved or not: every channel's output,
 * the send condition's verdict and the variables the data lacks.
 */
const adminPreviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['admin: notifications']
  const security = [{ token: [] }]
  const response = { 200: SuccessOf(Preview), ...errorResponses }

  app.post('/admin/notifications/:id/preview/', {
    preHandler: app.requireAdmin,
    schema: {
      tags, security, response,
      summary: 'Preview a saved notification',
      description: 'Renders it with `data`, or a sample payload of its event.',
      params: NotificationParams,
      body: PreviewBody
    }
  }, async function previewSavedHandler (request) {
    const { company } = callerOf(request)
    const row = await getNotification(app.db, company.id, request.params.id)
    const data = await previewNotification(app.renderer, {
      ...request.body, notification: toApi(row), company
    })
    return { status: 'success' as const, data }
  })

  app.post('/admin/notifications/preview/', {
    preHandler: app.requireAdmin,
    schema: {
      tags, security, response,
      summary: 'Preview an unsaved notification',
      description: 'Renders the notification in the body as it would be sent.',
      body: UnsavedPreviewBody
    }
  }, async function previewUnsavedHandler (request) {
    const { company } = callerOf(request)
    const data = await previewNotification(app.renderer, { ...request.body, company })
    return { status: 'success' as const, data }
  })
}

export default adminPreviewRoutes
