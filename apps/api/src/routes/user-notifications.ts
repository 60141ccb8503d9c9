import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { listNotifications, preferencesOf, setPreference } from '@herald/db'
import { callerOf, type Caller } from '../plugins/caller.js'
import { pageWindow, toPage } from '../lib/pagination.js'
import {
  switchableNotification,
  toUserNotification,
  withChoices
} from '../lib/user-preferences.js'
import { IntegerId, PageOf, SuccessOf, errorResponses } from '../schemas/common.js'
import {
  PreferencePatch,
  PreferenceReplace,
  UserNotification,
  UserNotificationListQuery
} from '../schemas/user-notification.js'

/** What the caller may switch on or off, and their choices. */
const userNotificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['user: notifications']
  const security = [{ token: [] }]
  app.addHook('preHandler', app.requireUser)

  /** Stores the choice when given; answers the notification as the user sees it. */
  async function choose (caller: Caller, id: number, enabled: boolean | undefined) {
    const { company, user } = caller
    const row = await switchableNotification(app, company.id, id)
    if (enabled !== undefined) {
      await setPreference(app.db, {
        companyId: company.id, notificationId: id, userId: user.id, enabled
      })
    }
    const choices = await preferencesOf(app.db, company.id, user.id, [id])
    return { status: 'success' as const, data: toUserNotification(row, choices.get(id)) }
  }

  app.get('/user/notifications/', {
    schema: {
      tags, security,
      summary: 'List the notifications I may switch off',
      querystring: UserNotificationListQuery,
      response: { 200: SuccessOf(PageOf(UserNotification)), ...errorResponses }
    }
  }, async function listHandler (request) {
    const { company, user } = callerOf(request)
    const q = request.query
    const { count, rows } = await listNotifications(app.db, company.id, {
      ...pageWindow(q),
      type: q.type,
      event: q.event,
      enabled: true,
      preferenceEnabled: true,
      newestFirst: q.orderby === '-created'
    })
    const results = await withChoices(app, company.id, user.id, rows)
    return { status: 'success' as const, data: toPage(request, app.config.PUBLIC_URL, count, results) }
  })

  app.get('/user/notifications/:id/', {
    schema: {
      tags, security,
      summary: 'Get a notification and my choice',
      params: IntegerId,
      response: { 200: SuccessOf(UserNotification), ...errorResponses }
    }
  }, async function detailHandler (request) {
    return choose(callerOf(request), request.params.id, undefined)
  })

  app.put('/user/notifications/:id/', {
    schema: {
      tags, security,
      summary: 'Switch a notification on or off for me',
      params: IntegerId,
      body: PreferenceReplace,
      response: { 200: SuccessOf(UserNotification), ...errorResponses }
    }
  }, async function replaceHandler (request) {
    return choose(callerOf(request), request.params.id, request.body.enabled)
  })

  app.patch('/user/notifications/:id/', {
    schema: {
      tags, security,
      summary: 'Switch a notification on or off for me',
      params: IntegerId,
      body: PreferencePatch,
      response: { 200: SuccessOf(UserNotification), ...errorResponses }
    }
  }, async function patchHandler (request) {
    return choose(callerOf(request), request.params.id, request.body.enabled)
  })
}

export default userNotificationRoutes
