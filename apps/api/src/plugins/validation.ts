import { Ajv, type ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'
import type { FieldErrors } from '../errors.js'

/**
 * Bodies are validated strictly (no type coercion, unknown fields refused)
 * while query strings and params are coerced from their string form.
 */
function createAjv (coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes: coerce,
    useDefaults: true,
    removeAdditional: false,
    strict: false
  })
  addFormats.default(ajv)
  return ajv
}

export function createValidatorCompiler (): FastifySchemaCompiler<unknown> {
  const strict = createAjv(false)
  const coercing = createAjv(true)
  return function compileValidator ({ schema, httpPart }) {
    const ajv = httpPart === 'body' ? strict : coercing
    return ajv.compile(schema as object)
  }
}

/** Ajv's errors as platform field errors: `{field: [message]}`. */
export function toFieldErrors (
  errors: readonly Partial<ErrorObject>[],
  part: string
): FieldErrors {
  const out: FieldErrors = {}
  for (const error of errors) {
    const field = fieldOf(error) || part
    const message = field.endsWith('__in') && error.keyword === 'pattern'
      ? 'Enter a comma-separated list of up to 100 valid values.'
      : messageOf(error)
    const list = (out[field] ??= [])
    if (!list.includes(message)) list.push(message)
  }
  for (const [field, list] of Object.entries(out)) out[field] = plainest(list)
  return out
}

const UNION_NOISE = new Set(['Must be of type null.', 'must match a schema in anyOf.'])

/**
 * A nullable field that fails reports every branch of its union; the
 * client only needs the reason the non-null branch refused the value.
 */
function plainest (messages: string[]): string[] {
  const useful = messages.filter((m) => !UNION_NOISE.has(m))
  return useful.length > 0 ? useful : messages
}

function fieldOf (error: Partial<ErrorObject>): string {
  const path = (error.instancePath ?? '').split('/').filter(Boolean).join('.')
  const params = (error.params ?? {}) as Record<string, unknown>
  const extra = params.missingProperty ?? params.additionalProperty
  return [path, extra].filter((p) => typeof p === 'string' && p).join('.')
}

function messageOf (error: Partial<ErrorObject>): string {
  switch (error.keyword) {
    case 'required': return 'This field is required.'
    case 'additionalProperties': return 'Unknown field.'
    case 'type': return `Must be of type ${String(error.params?.type)}.`
    case 'maxLength': return `Ensure this field has no more than ${String(error.params?.limit)} characters.`
    case 'minLength': return 'This field may not be blank.'
    case 'enum': return `Must be one of: ${(error.params?.allowedValues as unknown[] ?? []).join(', ')}.`
    case 'minimum': return `Ensure this value is greater than or equal to ${String(error.params?.limit)}.`
    case 'maximum': return `Ensure this value is less than or equal to ${String(error.params?.limit)}.`
    case 'maxItems': return `Ensure this field has no more than ${String(error.params?.limit)} elements.`
    case 'format': return `Enter a valid ${String(error.params?.format)}.`
    case 'pattern': return 'Enter a valid value.'
    default: return `${error.message ?? 'Invalid value'}.`
  }
}
