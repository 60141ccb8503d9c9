import type { TemplateRenderer } from '@herald/templates'
import type { FieldErrors } from '../errors.js'

/**
 * Why a template does not parse, with its position, or null when it does.
 * Errors without a position are not template errors and propagate.
 */
export function templateProblem (
  renderer: TemplateRenderer,
  source: string | null | undefined
): string | null {
  if (!source) return null
  try {
    renderer.validate(source)
    return null
  } catch (err) {
    const e = err as { line?: number, column?: number, message?: string }
    if (e.line === undefined) throw err
    return `Invalid template at line ${e.line}, column ${e.column}: ${e.message}`
  }
}

/** Field errors for every listed field whose template does not parse. */
export function templateErrors (
  renderer: TemplateRenderer,
  values: Record<string, unknown>,
  fields: readonly string[]
): FieldErrors {
  const errors: FieldErrors = {}
  for (const field of fields) {
    const value = values[field]
    const problem = templateProblem(renderer, typeof value === 'string' ? value : null)
    if (problem) errors[field] = [problem]
  }
  return errors
}
