import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  removePushSubscription,
  savePushSubscription,
  userPushSubscriptions,
  type PushSubscription
} from '@herald/db'
import { checkEndpoint } from '../lib/push-endpoint.js'
import { vapidPublicKey } from '../lib/vapid-keys.js'
import { callerOf } from '../plugins/caller.js'
import { pageWindow, toPage } from '../lib/pagination.js'
import {
  PageOf, Success, SuccessOf, errorResponses, pageQuery
} from '../schemas/common.js'
import {
  VapidKey,
  WebPushSubscription,
  WebPushSubscriptionCreate,
  WebPushSubscriptionParams
} from '../schemas/webpush.js'

function toApi (row: PushSubscription) {
  return {
    id: row.id,
    endpoint: row.endpoint,
    user_agent: row.userAgent,
    created: row.createdAt.getTime()
  }
}

/** A user's browsers for Web Push: the VAPID key, subscribe, unsubscribe. */
const userWebPushRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['user: web push']
  const security = [{ token: [] }]
  app.addHook('preHandler', app.requireUser)

  app.get('/user/webpush/key/', {
    schema: {
      tags, security,
      summary: 'The VAPID public key browsers subscribe with',
      response: { 200: SuccessOf(VapidKey), ...errorResponses }
    }
  }, async function keyHandler (request) {
    const { company } = callerOf(request)
    const key = await vapidPublicKey(app.db, app.box, company, app.config.PUBLIC_URL)
    return { status: 'success' as const, data: { public_key: key } }
  })

  app.get('/user/webpush/subscriptions/', {
    schema: {
      tags, security,
      summary: 'List my browser subscriptions',
      querystring: Type.Object(pageQuery),
      response: { 200: SuccessOf(PageOf(WebPushSubscription)), ...errorResponses }
    }
  }, async function listHandler (request) {
    const { company, user } = callerOf(request)
    // A user has a browser or a few: they are paged in memory.
    const rows = await userPushSubscriptions(app.db, company.id, user.id)
    const ordered = request.query.orderby === '-created' ? rows.reverse() : rows
    const { skip, take } = pageWindow(request.query)
    const results = ordered.slice(skip, skip + take).map(toApi)
    const page = toPage(request, app.config.PUBLIC_URL, rows.length, results)
    return { status: 'success' as const, data: page }
  })

  app.post('/user/webpush/subscriptions/', {
    schema: {
      tags, security,
      summary: 'Register this browser for push (idempotent per endpoint)',
      body: WebPushSubscriptionCreate,
      response: { 201: SuccessOf(WebPushSubscription), ...errorResponses }
    }
  }, async function createHandler (request, reply) {
    const { company, user } = callerOf(request)
    const body = request.body
    checkEndpoint(body.endpoint, app.config.WEBPUSH_ALLOW_HTTP)
    const row = await savePushSubscription(app.db, {
      companyId: company.id,
      userId: user.id,
      endpoint: body.endpoint,
      p256dh: body.keys.p256dh,
      auth: body.keys.auth,
      userAgent: body.user_agent ?? request.headers['user-agent'] ?? ''
    })
    return reply.code(201).send({ status: 'success' as const, data: toApi(row) })
  })

  app.delete('/user/webpush/subscriptions/:id/', {
    schema: {
      tags, security,
      summary: 'Remove one of my browser subscriptions',
      params: WebPushSubscriptionParams,
      response: { 200: Success, ...errorResponses }
    }
  }, async function deleteHandler (request) {
    const { company, user } = callerOf(request)
    const owner = { companyId: company.id, userId: user.id }
    await removePushSubscription(app.db, owner, request.params.id)
    return { status: 'success' as const }
  })
}

export default userWebPushRoutes
