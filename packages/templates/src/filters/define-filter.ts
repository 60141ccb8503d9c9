import { pyStr } from '../python/py-str.js'
import { SafeString } from '../python/safe-string.js'

/** What a filter knows about the render it runs in. */
export interface FilterEnv {
  /** True for HTML bodies, where output is escaped. */
  autoescape: boolean
  /** The input was marked safe (`SafeString`) before any conversion. */
  inputSafe: boolean
}

/**
 * Whether a filter takes its colon argument. Django checks this when it
 * compiles a template: `{{ x|upper:1 }}` and `{{ x|default }}` do not
 * parse.
 */
export type FilterArity = 'none' | 'optional' | 'required'

/** A filter written the way Django declares one. */
export interface DjangoFilter {
  name: string
  arity: FilterArity
  /**
   * Django's `is_safe`: when the input was safe, a string result stays
   * safe. Default false: the result is escaped on output.
   */
  isSafe?: boolean
  /** Django's `@stringfilter`: the input arrives as Python `str()`. */
  stringInput?: boolean
  /**
   * The input and the colon argument (undefined when absent). A string
   * literal argument arrives as a SafeString, as in Django.
   */
  apply (value: unknown, arg: unknown, env: FilterEnv): unknown
}

/** Runs a filter the way Django's FilterExpression does. */
export function applyFilter (
  filter: DjangoFilter, value: unknown, arg: unknown, autoescape: boolean
): unknown {
  const inputSafe = value instanceof SafeString
  const result = filter.apply(
    filter.stringInput === true ? pyStr(value) : value,
    arg,
    { autoescape, inputSafe }
  )
  if (filter.isSafe === true && inputSafe && typeof result === 'string') {
    return new SafeString(result)
  }
  return result
}

/** Django's message when a filter gets the wrong number of arguments. */
export function arityProblem (
  filter: DjangoFilter, hasArg: boolean
): string | undefined {
  const provided = hasArg ? 2 : 1
  if (filter.arity === 'none' && hasArg) {
    return `${filter.name} requires 1 arguments, ${provided} provided`
  }
  if (filter.arity === 'required' && !hasArg) {
    return `${filter.name} requires 2 arguments, ${provided} provided`
  }
  return undefined
}
