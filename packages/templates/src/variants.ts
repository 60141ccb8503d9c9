import type { TemplateRenderer } from './renderer.js'
import { TemplateError } from './errors.js'

/** The fields a per-language variant may replace, by API name. */
export const VARIANT_FIELDS = [
  'subject', 'text_message', 'html_message', 'sms_message', 'push_message'
] as const

export type VariantField = typeof VARIANT_FIELDS[number]

/** One language's version of a notification's messages. */
export type Variant = Partial<Record<VariantField, string>>

/** `{ "<language>": Variant }`, as stored in `Notification.variants`. */
export type Variants = Record<string, Variant>

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The variants of a stored JSON value; anything malformed is dropped. */
export function parseVariants (json: unknown): Variants {
  const out: Variants = {}
  if (!isRecord(json)) return out
  for (const [language, value] of Object.entries(json)) {
    if (!isRecord(value)) continue
    const variant: Variant = {}
    for (const field of VARIANT_FIELDS) {
      const text = value[field]
      if (typeof text === 'string') variant[field] = text
    }
    out[language] = variant
  }
  return out
}

/** `pt_BR`, `PT-br` → `pt-br`. */
function normalise (language: string): string {
  return language.trim().toLowerCase().replaceAll('_', '-')
}

/**
 * The variant for a recipient's language: the exact tag first (case and
 * `_`/`-` aside), then its primary language (`pt-BR` → `pt`). Undefined
 * when none matches, or the recipient has no language: the notification's
 * own fields are used then.
 */
export function pickVariant (
  variants: Variants, language: string | null | undefined
): Variant | undefined {
  const tag = variantTag(variants, language)
  return tag === undefined ? undefined : variants[tag]
}

/** The key of the variant {@link pickVariant} picks, or undefined. */
export function variantTag (
  variants: Variants, language: string | null | undefined
): string | undefined {
  if (language === null || language === undefined || language.trim() === '') {
    return undefined
  }
  const wanted = normalise(language)
  const tags = Object.keys(variants)
  const primary = wanted.split('-')[0] ?? wanted
  return tags.find((tag) => normalise(tag) === wanted) ??
    tags.find((tag) => normalise(tag) === primary)
}

/**
 * Field errors of variants whose templates do not parse, keyed
 * `variants.<language>.<field>` with the line and column.
 */
export function variantProblems (
  renderer: TemplateRenderer, variants: Variants
): Record<string, string[]> {
  const problems: Record<string, string[]> = {}
  for (const [language, variant] of Object.entries(variants)) {
    for (const field of VARIANT_FIELDS) {
      const source = variant[field]
      if (source === undefined || source === '') continue
      try {
        renderer.validate(source)
      } catch (err) {
        if (!(err instanceof TemplateError)) throw err
        problems[`variants.${language}.${field}`] = [
          `Invalid template at line ${err.line}, column ${err.column}: ` +
          err.message
        ]
      }
    }
  }
  return problems
}
