import {
  conditionProblem,
  parseVariants,
  variantProblems,
  type TemplateRenderer,
  type Variants
} from '@herald/templates'
import type { FieldErrors } from '../errors.js'

/** A language tag as the platform stores a user's `language`. */
const LANGUAGE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/

/** The stored variants JSON as the API shows it. */
export function variantsOf (json: unknown): Variants {
  return parseVariants(json)
}

/**
 * Problems of the `variants` field: every key a language tag, every
 * template of every variant parsing (with its line and column).
 */
export function variantErrors (
  renderer: TemplateRenderer,
  variants: Variants | undefined
): FieldErrors {
  if (variants === undefined) return {}
  const errors: FieldErrors = {}
  const bad = Object.keys(variants).filter((tag) => !LANGUAGE.test(tag))
  if (bad.length > 0) {
    errors.variants = [`Not a language tag: ${bad.join(', ')}.`]
  }
  return { ...errors, ...variantProblems(renderer, variants) }
}

/**
 * Problems of the send condition: its template must parse and, when it
 * has no block tags, its Python must parse with `{{ … }}` stood in for.
 */
export function expressionErrors (
  renderer: TemplateRenderer,
  expression: string | undefined
): FieldErrors {
  const problem = expression === undefined
    ? undefined
    : conditionProblem(renderer, expression)
  return problem === undefined ? {} : { expression: [problem] }
}
