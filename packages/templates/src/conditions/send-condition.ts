import { ConditionError, TemplateError } from '../errors.js'
import type { TemplateRenderer } from '../renderer.js'
import { evaluate } from './evaluate-condition.js'
import { parseCondition } from './parse-condition.js'
import { PyError, truthy } from './py-values.js'

/** Longest rendered condition evaluated; longer is an error (false). */
export const MAX_CONDITION_LENGTH = 10_000

/** What a send condition decided, and why when it could not decide. */
export interface ConditionResult {
  /** Send the notification: the condition is empty or true. */
  send: boolean
  /** The expression as rendered; absent when empty or not renderable. */
  rendered?: string
  /** Why the condition failed; `send` is then false. */
  error?: TemplateError
}

function asConditionError (err: unknown): TemplateError {
  if (err instanceof TemplateError) return err
  if (err instanceof PyError) {
    return new ConditionError(err.pythonError, err.message, { cause: err })
  }
  // A stack overflow or a bug: still a refusal to send, never a crash.
  return new ConditionError('InternalError',
    err instanceof Error ? err.message : String(err), { cause: err })
}

/**
 * Evaluates a rendered condition the way Python's `eval` would, without
 * running any code. Throws {@link PyError}.
 */
export function evaluateRendered (rendered: string): boolean {
  if (rendered.length > MAX_CONDITION_LENGTH) {
    throw new PyError('MemoryError', 'the condition is too long')
  }
  return truthy(evaluate(parseCondition(rendered)))
}

/**
 * A notification's `expression`: blank means send; otherwise it is
 * rendered as a template with the event's context, then evaluated as a
 * Python boolean expression. Any failure means do not send, with the
 * reason in `error`.
 */
export async function evaluateCondition (
  renderer: TemplateRenderer,
  expression: string,
  context: Record<string, unknown>,
  missing?: Set<string>
): Promise<ConditionResult> {
  if (expression.trim() === '') return { send: true }
  let rendered: string | undefined
  try {
    rendered = await renderer.render(expression, context, { missing })
    return { send: evaluateRendered(rendered), rendered }
  } catch (err) {
    const error = asConditionError(err)
    return rendered === undefined
      ? { send: false, error }
      : { send: false, rendered, error }
  }
}

/** Stand-ins for `{{ … }}` when checking a condition's Python syntax. */
const PLACEHOLDERS = ['1', 'x']

/**
 * Save-time check of a condition: its template must parse, and, when it
 * has no block tags, its Python must parse with each `{{ … }}` replaced
 * by a number or a name. Returns the problem, or undefined.
 */
export function conditionProblem (
  renderer: TemplateRenderer, expression: string
): string | undefined {
  if (expression.trim() === '') return undefined
  try {
    renderer.validate(expression)
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err
    return `Invalid template at line ${err.line}, column ${err.column}: ` +
      err.message
  }
  if (expression.includes('{%')) return undefined
  let problem: string | undefined
  for (const stand of PLACEHOLDERS) {
    try {
      parseCondition(expression.replace(/\{#[^\n]*?#\}/g, '')
        .replace(/\{\{[^\n]*?\}\}/g, stand))
      return undefined
    } catch (err) {
      if (!(err instanceof PyError)) throw err
      problem = `Invalid condition: ${err.pythonError}: ${err.message}`
    }
  }
  return problem
}
