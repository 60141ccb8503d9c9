import { arityProblem } from '../filters/define-filter.js'
import { findFilter } from '../filters/index.js'
import { SafeString } from '../python/safe-string.js'
import { DjangoExpression } from './django-expression.js'
import type { FilterCall, Operand } from './django-expression.js'

// Django's filter grammar (django/template/base.py, `filter_raw_string`),
// with Python's Unicode `\w` and `\d` spelled out.
const STRDQ = String.raw`"[^"\\]*(?:\\.[^"\\]*)*"`
const STRSQ = String.raw`'[^'\\]*(?:\\.[^'\\]*)*'`
const CONSTANT = String.raw`(?:_\(${STRDQ}\)|_\(${STRSQ}\)|${STRDQ}|${STRSQ})`
const NUM = String.raw`[-+.]?\p{Nd}[\p{Nd}.e]*`
const VAR = String.raw`[\p{L}\p{N}_.]+|${NUM}`
const FILTER = new RegExp(
  String.raw`^(?<constant>${CONSTANT})|^(?<variable>${VAR})|` +
  String.raw`(?:\s*\|\s*(?<name>[\p{L}\p{N}_]+)` +
  String.raw`(?::(?:(?<constantArg>${CONSTANT})|(?<variableArg>${VAR})))?)`,
  'gu')

const PY_INT = /^[+-]?\d+$/
const PY_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i

/** A template that Django would refuse to compile. */
export class DjangoSyntaxError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'DjangoSyntaxError'
  }
}

/** Django's `unescape_string_literal`: only `\"` (or `\'`) and `\\`. */
function unescapeLiteral (text: string): string {
  const quote = text[0] ?? '"'
  return text.slice(1, -1)
    .replaceAll(`\\${quote}`, quote)
    .replaceAll('\\\\', '\\')
}

/** A quoted constant, `_("…")` included: a string marked safe. */
function constant (text: string): Operand {
  const quoted = text.startsWith('_(') ? text.slice(2, -1) : text
  return { kind: 'literal', value: new SafeString(unescapeLiteral(quoted)) }
}

/** Django's `Variable(text)`: a number, else a lookup path. */
function variable (text: string): Operand {
  if (text.includes('.') || text.toLowerCase().includes('e')) {
    if (PY_FLOAT.test(text) && !text.endsWith('.')) {
      return { kind: 'literal', value: Number(text) }
    }
  } else if (PY_INT.test(text)) {
    return { kind: 'literal', value: Number(text) }
  }
  if (text.startsWith('_') || text.includes('._')) {
    throw new DjangoSyntaxError('Variables and attributes may not begin ' +
      `with underscores: '${text}'`)
  }
  return { kind: 'lookup', path: text.split('.') }
}

function filterCall (groups: Record<string, string | undefined>): FilterCall {
  const name = groups.name ?? ''
  const filter = findFilter(name)
  if (filter === undefined) {
    throw new DjangoSyntaxError(`Invalid filter: '${name}'`)
  }
  const arg = groups.constantArg !== undefined
    ? constant(groups.constantArg)
    : groups.variableArg !== undefined ? variable(groups.variableArg) : undefined
  const problem = arityProblem(filter, arg !== undefined)
  if (problem !== undefined) throw new DjangoSyntaxError(problem)
  return arg === undefined ? { filter } : { filter, arg }
}

/**
 * Compiles a Django filter expression the way Django's FilterExpression
 * does, with its messages; throws {@link DjangoSyntaxError}.
 */
export function parseExpression (source: string): DjangoExpression {
  let head: Operand | undefined
  const filters: FilterCall[] = []
  let upto = 0
  for (const match of source.matchAll(FILTER)) {
    if (match.index !== upto) {
      throw new DjangoSyntaxError('Could not parse some characters: ' +
        `${source.slice(0, upto)}|${source.slice(upto, match.index)}|` +
        source.slice(match.index))
    }
    const groups = match.groups ?? {}
    if (head === undefined) {
      head = headOf(groups, source)
    } else {
      filters.push(filterCall(groups))
    }
    upto = match.index + match[0].length
  }
  if (upto !== source.length) {
    throw new DjangoSyntaxError('Could not parse the remainder: ' +
      `'${source.slice(upto)}' from '${source}'`)
  }
  if (head === undefined) {
    throw new DjangoSyntaxError(`Could not find variable at start of ${source}.`)
  }
  return new DjangoExpression(head, filters, source)
}

function headOf (
  groups: Record<string, string | undefined>, source: string
): Operand {
  if (groups.constant !== undefined) return constant(groups.constant)
  if (groups.variable !== undefined) return variable(groups.variable)
  throw new DjangoSyntaxError(`Could not find variable at start of ${source}.`)
}
