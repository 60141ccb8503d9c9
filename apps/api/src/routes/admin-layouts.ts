import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  createLayout,
  deleteLayout,
  getLayout,
  listLayouts,
  updateLayout,
  type LayoutFields
} from '@herald/db'
import { callerOf } from '../plugins/caller.js'
import {
  LAYOUT_DEFAULTS,
  checkLayout,
  toApi,
  toColumns,
  withLayoutPreset
} from '../lib/layout-fields.js'
import { channelsOf } from '../lib/list-filters.js'
import { pageWindow, toPage } from '../lib/pagination.js'
import { PageOf, Success, SuccessOf, errorResponses } from '../schemas/common.js'
import {
  Layout,
  LayoutCreate,
  LayoutListQuery,
  LayoutParams,
  LayoutPatch
} from '../schemas/layout.js'
import { Errors } from '../errors.js'

/** Admin management of the company's layouts. */
const adminLayoutRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['admin: layouts']
  const security = [{ token: [] }]
  app.addHook('preHandler', app.requireAdmin)

  /** A layout in use cannot change channel under its notifications. */
  async function checkChannelChange (companyId: string, id: number, type: string) {
    const used = await app.db.notification.count({
      where: { companyId, layoutId: id, type: { not: type as LayoutFields['type'] } }
    })
    if (used > 0) {
      throw Errors.validation({ type: ['Notifications of another channel use this layout.'] })
    }
  }

  app.get('/admin/layouts/', {
    schema: {
      tags, security,
      summary: 'List layouts',
      querystring: LayoutListQuery,
      response: { 200: SuccessOf(PageOf(Layout)), ...errorResponses }
    }
  }, async function listHandler (request) {
    const { company } = callerOf(request)
    const q = request.query
    const { count, rows } = await listLayouts(app.db, company.id, {
      ...pageWindow(q),
      type: q.type,
      typeIn: channelsOf(q.type__in),
      name: q.name,
      newestFirst: q.orderby === '-created'
    })
    const page = toPage(request, app.config.PUBLIC_URL, count, rows.map(toApi))
    return { status: 'success' as const, data: page }
  })

  app.post('/admin/layouts/', {
    schema: {
      tags, security,
      summary: 'Create a layout',
      body: LayoutCreate,
      response: { 201: SuccessOf(Layout), ...errorResponses }
    }
  }, async function createHandler (request, reply) {
    const { company } = callerOf(request)
    const merged = withLayoutPreset(request.body)
    checkLayout(app.renderer, merged)
    const row = await createLayout(app.db, company.id, toColumns(merged) as LayoutFields)
    return reply.code(201).send({ status: 'success' as const, data: toApi(row) })
  })

  app.get('/admin/layouts/:id/', {
    schema: {
      tags, security,
      summary: 'Get a layout',
      params: LayoutParams,
      response: { 200: SuccessOf(Layout), ...errorResponses }
    }
  }, async function detailHandler (request) {
    const { company } = callerOf(request)
    const row = await getLayout(app.db, company.id, request.params.id)
    return { status: 'success' as const, data: toApi(row) }
  })

  app.put('/admin/layouts/:id/', {
    schema: {
      tags, security,
      summary: 'Replace a layout',
      params: LayoutParams,
      body: LayoutCreate,
      response: { 200: SuccessOf(Layout), ...errorResponses }
    }
  }, async function replaceHandler (request) {
    const { company } = callerOf(request)
    const { id } = request.params
    await getLayout(app.db, company.id, id)
    const merged = { ...LAYOUT_DEFAULTS, ...withLayoutPreset(request.body) }
    checkLayout(app.renderer, merged)
    await checkChannelChange(company.id, id, merged.type)
    const row = await updateLayout(app.db, company.id, id, toColumns(merged))
    return { status: 'success' as const, data: toApi(row) }
  })

  app.patch('/admin/layouts/:id/', {
    schema: {
      tags, security,
      summary: 'Update some fields of a layout',
      params: LayoutParams,
      body: LayoutPatch,
      response: { 200: SuccessOf(Layout), ...errorResponses }
    }
  }, async function patchHandler (request) {
    const { company } = callerOf(request)
    const { id } = request.params
    const current = toApi(await getLayout(app.db, company.id, id))
    const merged = { ...current, ...request.body }
    checkLayout(app.renderer, merged)
    await checkChannelChange(company.id, id, merged.type)
    const row = await updateLayout(app.db, company.id, id, toColumns(request.body))
    return { status: 'success' as const, data: toApi(row) }
  })

  app.delete('/admin/layouts/:id/', {
    schema: {
      tags, security,
      summary: 'Delete a layout',
      description: 'Notifications that used it are sent without a layout.',
      params: LayoutParams,
      response: { 200: Success, ...errorResponses }
    }
  }, async function deleteHandler (request) {
    const { company } = callerOf(request)
    await deleteLayout(app.db, company.id, request.params.id)
    return { status: 'success' as const }
  })
}

export default adminLayoutRoutes
