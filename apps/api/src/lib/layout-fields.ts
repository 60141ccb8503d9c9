import type { Layout, LayoutFields } from '@herald/db'
import type { TemplateRenderer } from '@herald/templates'
import { Errors, type FieldErrors } from '../errors.js'
import { findLayoutPreset } from '../presets/index.js'
import type { LayoutApi, LayoutPatch } from '../schemas/layout.js'
import { templateErrors } from './template-problems.js'

type Writable = Omit<LayoutApi, 'id' | 'created' | 'updated'>

/** Where a layout puts the message: `{{ body }}`, spaces optional. */
export const BODY_PLACEHOLDER = /\{\{\s*body\s*\}\}/

export const LAYOUT_DEFAULTS: Omit<Writable, 'type' | 'body'> = {
  name: '',
  description: '',
  template: null
}

export function toApi (row: Layout): LayoutApi {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    description: row.description,
    body: row.body,
    template: row.template,
    created: row.createdAt.getTime(),
    updated: row.updatedAt.getTime()
  }
}

export function toColumns (body: LayoutPatch): Partial<LayoutFields> {
  const out: Partial<LayoutFields> = {}
  if (body.type !== undefined) out.type = body.type
  if (body.name !== undefined) out.name = body.name
  if (body.description !== undefined) out.description = body.description
  if (body.body !== undefined) out.body = body.body
  if (body.template !== undefined) out.template = body.template
  return out
}

/** The body with what it leaves out copied from the preset it names. */
export function withLayoutPreset (body: LayoutPatch): LayoutPatch {
  if (!body.template) return body
  const preset = findLayoutPreset(body.template)
  if (!preset) {
    throw Errors.validation({ template: [`Unknown preset layout "${body.template}".`] })
  }
  if (body.type !== undefined && body.type !== preset.type) {
    throw Errors.validation({
      template: [`The preset is a ${preset.type} layout, not ${body.type}.`]
    })
  }
  // The preset's `id` rides along as a read-only field and is ignored.
  const filled: LayoutPatch = { ...preset }
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined) (filled as Record<string, unknown>)[key] = value
  }
  return filled
}

/** The layout as it will be saved: parses, and places the body. */
export function checkLayout (
  renderer: TemplateRenderer,
  merged: LayoutPatch
): asserts merged is LayoutPatch & Pick<Writable, 'type' | 'body'> {
  const errors: FieldErrors = templateErrors(renderer, merged, ['body'])
  if (merged.type === undefined) errors.type = ['This field is required.']
  if (merged.body === undefined) errors.body ??= ['This field is required.']
  else if (!BODY_PLACEHOLDER.test(merged.body)) {
    errors.body ??= ['Place the message with {{ body }}.']
  }
  if (merged.template && !findLayoutPreset(merged.template)) {
    errors.template = [`Unknown preset layout "${merged.template}".`]
  }
  if (Object.keys(errors).length > 0) throw Errors.validation(errors)
}
