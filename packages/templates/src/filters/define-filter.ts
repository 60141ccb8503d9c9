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
 * Django's `unescape_string_literal`: only `\"` (or `\'`) and `\\` are
 * escapes, so `date:"jS \o\f F"` keeps its backslashes for the format.
 */
function djangoLiteral (raw: string): string {
  const quote = raw[0] ?? '"'
  return raw.slice(1, -1)
    .replaceAll(`\\${quote}`, quote)
    .replaceAll('\\\\', '\\')
}

/**
 * String literals are read as Django reads them and, as in Django, are
 * safe (`default:"<b>"` is not escaped); LiquidJS hands us a plain string,
 * so the argument's token tells.
 */
function argumentOf (call: FilterCall, args: unknown[]): unknown {
  const token = call.token?.args?.[0]
  if (TypeGuards.isQuotedToken(token)) {
    return new SafeString(djangoLiteral(token.getText()))
  }
  return args[0]
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
