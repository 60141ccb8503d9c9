import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Errors } from '../errors.js'
import { channelsOf, passes, valuesOf } from '../lib/list-filters.js'
import { pageWindow, toPage } from '../lib/pagination.js'
import {
  LAYOUT_PRESETS,
  NOTIFICATION_PRESETS,
  findLayoutPreset,
  findNotificationPreset
} from '../presets/index.js'
import { PageOf, SuccessOf, errorResponses } from '../schemas/common.js'
import {
  LayoutPresetSchema,
  NotificationPresetSchema,
  PresetListQuery,
  PresetParams
} from '../schemas/preset.js'

/** One page of an in-memory list. */
function slice<T> (items: readonly T[], query: { page?: number, page_size?: number }): T[] {
  const { skip, take } = pageWindow(query)
  return items.slice(skip, skip + take)
}

/** The read-only presets admins copy into notifications and layouts. */
const adminTemplateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ token: [] }]
  app.addHook('preHandler', app.requireAdmin)

  app.get('/admin/templates/', {
    schema: {
      tags: ['admin: templates'], security,
      summary: 'List preset notification templates',
      querystring: PresetListQuery,
      response: { 200: SuccessOf(PageOf(NotificationPresetSchema)), ...errorResponses }
    }
  }, async function listPresets (request) {
    const q = request.query
    const types = channelsOf(q.type__in)
    const events = valuesOf(q.event__in)
    const matching = NOTIFICATION_PRESETS.filter((p) =>
      passes(p.type, q.type, types) && passes(p.event, q.event, events))
    const results = slice(matching, request.query)
    const page = toPage(request, app.config.PUBLIC_URL, matching.length, results)
    return { status: 'success' as const, data: page }
  })

  app.get('/admin/templates/:id/', {
    schema: {
      tags: ['admin: templates'], security,
      summary: 'Get a preset notification template',
      params: PresetParams,
      response: { 200: SuccessOf(NotificationPresetSchema), ...errorResponses }
    }
  }, async function getPreset (request) {
    const preset = findNotificationPreset(request.params.id)
    if (!preset) throw Errors.notFound()
    return { status: 'success' as const, data: preset }
  })

  app.get('/admin/layout-templates/', {
    schema: {
      tags: ['admin: layouts'], security,
      summary: 'List preset layouts',
      querystring: PresetListQuery,
      response: { 200: SuccessOf(PageOf(LayoutPresetSchema)), ...errorResponses }
    }
  }, async function listLayoutPresets (request) {
    const types = channelsOf(request.query.type__in)
    const matching = LAYOUT_PRESETS.filter((p) =>
      passes(p.type, request.query.type, types))
    const results = slice(matching, request.query)
    const page = toPage(request, app.config.PUBLIC_URL, matching.length, results)
    return { status: 'success' as const, data: page }
  })

  app.get('/admin/layout-templates/:id/', {
    schema: {
      tags: ['admin: layouts'], security,
      summary: 'Get a preset layout',
      params: PresetParams,
      response: { 200: SuccessOf(LayoutPresetSchema), ...errorResponses }
    }
  }, async function getLayoutPreset (request) {
    const preset = findLayoutPreset(request.params.id)
    if (!preset) throw Errors.notFound()
    return { status: 'success' as const, data: preset }
  })
}

export default adminTemplateRoutes
