import type { Company } from '@herald/db'
import {
  TemplateError,
  computeTotals,
  evaluateCondition,
  parseVariants,
  variantTag,
  type TemplateRenderer
} from '@herald/templates'
import { sampleData } from './preview-samples.js'

/** The template fields each channel sends, by API name. */
export const CHANNEL_FIELDS = {
  email: ['to_email', 'from_email', 'subject', 'text_message', 'html_message'],
  sms: ['to_mobile', 'sms_message'],
  push: ['to_user', 'push_message']
} as const

type Channel = keyof typeof CHANNEL_FIELDS
type Field = typeof CHANNEL_FIELDS[Channel][number]

/** The notification fields a preview reads; all optional. */
export type PreviewNotification = Partial<Record<Field, string>> & {
  event?: string
  expression?: string
  variants?: unknown
}

export interface PreviewRequest {
  notification: PreviewNotification
  /** The webhook `data` to render with; a sample for the event if absent. */
  data?: Record<string, unknown>
  /** A recipient language, to preview its variant. */
  language?: string
  company: Company
}

export interface PreviewResult {
  event: string
  data_source: 'body' | 'sample'
  language: string | null
  variant: string | null
  condition: {
    expression: string
    rendered: string | null
    send: boolean
    error: string | null
  }
  channels: Record<Channel, Record<string, string | null>>
  errors: Record<string, string>
  missing: string[]
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The context the worker would build: the data at the top level,
 * `context.company`, and for transaction data `computed` (from the
 * data's own `fees` here: a preview does not call the platform).
 */
function previewContext (
  event: string, data: Record<string, unknown>, company: Company
): Record<string, unknown> {
  const context: Record<string, unknown> = {
    ...data,
    context: {
      company: { id: company.id, name: company.name, system_email: company.systemEmail }
    }
  }
  if (event.startsWith('transaction.') && !('computed' in data)) {
    const fees = Array.isArray(data.fees) ? data.fees.filter(isRecord) : []
    context.computed = computeTotals(data, fees)
  }
  return context
}

function fieldsIn (
  notification: PreviewNotification, tag: string | undefined
): PreviewNotification {
  if (tag === undefined) return notification
  const variant = parseVariants(notification.variants)[tag] ?? {}
  const chosen: PreviewNotification = { ...notification }
  for (const [field, text] of Object.entries(variant)) {
    if (text) chosen[field as Field] = text
  }
  return chosen
}

/**
 * Rendering holds the event loop, so one preview, every field together,
 * gets this long; a field rendered past it answers its limit error.
 */
const PREVIEW_BUDGET_MS = 1000

async function renderField (
  renderer: TemplateRenderer,
  source: string,
  context: Record<string, unknown>,
  options: { autoescape: boolean, missing: Set<string>, timeLimitMs: number }
): Promise<{ output: string | null, error?: string }> {
  try {
    return { output: await renderer.render(source, context, options) }
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err
    return {
      output: null,
      error: `Invalid template at line ${err.line}, column ${err.column}: ${err.message}`
    }
  }
}

/**
 * What a notification would send for an event: every channel's fields
 * rendered (HTML autoescaped), the send condition's verdict, and the
 * variables its templates looked up that the data lacks.
 */
export async function previewNotification (
  renderer: TemplateRenderer, request: PreviewRequest
): Promise<PreviewResult> {
  const event = request.notification.event ?? ''
  const data = request.data ?? sampleData(event)
  const context = previewContext(event, data, request.company)
  const tag = variantTag(parseVariants(request.notification.variants), request.language)
  const notification = fieldsIn(request.notification, tag)
  const missing = new Set<string>()
  const errors: Record<string, string> = {}
  const channels = { email: {}, sms: {}, push: {} } as PreviewResult['channels']
  const deadline = performance.now() + PREVIEW_BUDGET_MS
  for (const [channel, fields] of Object.entries(CHANNEL_FIELDS)) {
    for (const field of fields) {
      const options = {
        autoescape: field === 'html_message',
        missing,
        timeLimitMs: deadline - performance.now()
      }
      const rendered = await renderField(renderer, notification[field] ?? '', context, options)
      channels[channel as Channel][field] = rendered.output
      if (rendered.error !== undefined) errors[field] = rendered.error
    }
  }
  const expression = notification.expression ?? ''
  const condition = await evaluateCondition(renderer, expression, context, missing)
  return {
    event,
    data_source: request.data === undefined ? 'sample' : 'body',
    language: request.language ?? null,
    variant: tag ?? null,
    condition: {
      expression,
      rendered: condition.rendered ?? null,
      send: condition.send,
      error: condition.error?.message ?? null
    },
    channels,
    errors,
    missing: [...missing].sort()
  }
}
