import { TypeGuards } from 'liquidjs'
import type { FilterImplOptions } from 'liquidjs'
import { pyStr } from '../python/py-str.js'
import { SafeString } from '../python/safe-string.js'

/** What a filter knows about the render it runs in. */
export interface FilterEnv {
  /** True for HTML bodies, where output is escaped. */
  autoescape: boolean
  /** The input was marked safe (`SafeString`) before any conversion. */
  inputSafe: boolean
}

/** A filter written the way Django declares one. */
export interface DjangoFilter {
  name: string
  /**
   * Django's `is_safe`: when the input was safe, a string result stays
   * safe. Default false: the result is escaped on output.
   */
  isSafe?: boolean
  /** Django's `@stringfilter`: the input arrives as Python `str()`. */
  stringInput?: boolean
  /** The input and the single colon argument (undefined when absent). */
  apply (value: unknown, arg: unknown, env: FilterEnv): unknown
}

/** The part of LiquidJS's filter `this` that we read. */
interface FilterCall {
  token?: { args?: unknown[] }
}

/**
 * Django treats string literals in a template as safe (`default:"<b>"` is
 * not escaped); LiquidJS hands us a plain string, so its token tells.
 */
function argumentOf (call: FilterCall, args: unknown[]): unknown {
  const arg = args[0]
  const token = call.token?.args?.[0]
  if (typeof arg === 'string' && TypeGuards.isQuotedToken(token)) {
    return new SafeString(arg)
  }
  return arg
}

/**
 * Adapts a {@link DjangoFilter} to LiquidJS. A missing variable reaches
 * filters as `''`, as Django's `string_if_invalid` does.
 */
export function toLiquidFilter (
  filter: DjangoFilter, autoescape: boolean
): FilterImplOptions {
  return function djangoFilter (
    this: FilterCall, value: unknown, ...args: unknown[]
  ): unknown {
    const inputSafe = value instanceof SafeString
    const input = value === undefined ? '' : value
    const result = filter.apply(
      filter.stringInput === true ? pyStr(input) : input,
      argumentOf(this, args),
      { autoescape, inputSafe }
    )
    if (filter.isSafe === true && inputSafe && typeof result === 'string') {
      return new SafeString(result)
    }
    return result
  }
}
