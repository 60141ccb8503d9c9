import type { DjangoContext } from '../django-context.js'
import type { DjangoExpression } from '../expression/django-expression.js'
import { parseExpression } from '../expression/parse-expression.js'
import {
  pyCompare, pyContains, pyEquals, pyIs, pyTruthy
} from '../python/py-ops.js'
import { splitBits } from './split-bits.js'

/**
 * Django's `{% if %}` expressions (smartif): Python precedence, `or` < `and`
 * < `not` < `in`/`not in` < comparisons; each operand a filtered variable.
 */
const BINDING_POWER: Record<string, number> = {
  or: 6,
  and: 7,
  not: 8,
  in: 9,
  'not in': 9,
  is: 10,
  'is not': 10,
  '==': 10,
  '!=': 10,
  '>': 10,
  '>=': 10,
  '<': 10,
  '<=': 10
}

type Node =
  | { kind: 'operand', expression: DjangoExpression }
  | { kind: 'not', operand: Node }
  | { kind: 'infix', op: string, left: Node, right: Node }

interface Bit {
  text: string
  isOperator: boolean
}

/** Joins `not in` and `is not` into single operators, as Django does. */
function toBits (args: string): Bit[] {
  const raw = splitBits(args)
  const bits: Bit[] = []
  for (let i = 0; i < raw.length; i++) {
    let text = raw[i] ?? ''
    const next = raw[i + 1]
    if ((text === 'not' && next === 'in') || (text === 'is' && next === 'not')) {
      text = `${text} ${next}`
      i++
    }
    bits.push({ text, isOperator: text in BINDING_POWER })
  }
  return bits
}

class ConditionParser {
  private pos = 0

  constructor (private readonly bits: Bit[]) {}

  parse (): Node {
    const node = this.expression(0)
    const rest = this.bits[this.pos]
    if (rest !== undefined) {
      throw new Error(`Unused '${rest.text}' at end of if expression.`)
    }
    return node
  }

  private expression (rightBindingPower: number): Node {
    let left = this.prefix(this.bits[this.pos++])
    while (rightBindingPower < this.bindingPower(this.bits[this.pos])) {
      left = this.infix(this.bits[this.pos++] as Bit, left)
    }
    return left
  }

  private bindingPower (bit: Bit | undefined): number {
    return bit?.isOperator === true ? BINDING_POWER[bit.text] ?? 0 : 0
  }

  private prefix (bit: Bit | undefined): Node {
    if (bit === undefined) {
      throw new Error('Unexpected end of expression in if tag.')
    }
    if (bit.text === 'not') {
      return { kind: 'not', operand: this.expression(BINDING_POWER.not ?? 8) }
    }
    if (bit.isOperator) {
      throw new Error(`Not expecting '${bit.text}' in this position in if tag.`)
    }
    return { kind: 'operand', expression: parseExpression(bit.text) }
  }

  private infix (bit: Bit, left: Node): Node {
    if (bit.text === 'not') {
      throw new Error("Not expecting 'not' as infix operator in if tag.")
    }
    const right = this.expression(BINDING_POWER[bit.text] ?? 0)
    return { kind: 'infix', op: bit.text, left, right }
  }
}

/** Parses the arguments of `{% if %}` or `{% elif %}`. */
export function parseCondition (args: string): Node {
  return new ConditionParser(toBits(args)).parse()
}

function compare (op: string, l: unknown, r: unknown): boolean {
  switch (op) {
    case '==': return pyEquals(l, r)
    case '!=': return !pyEquals(l, r)
    case '<': return pyCompare(l, r) < 0
    case '<=': return pyCompare(l, r) <= 0
    case '>': return pyCompare(l, r) > 0
    case '>=': return pyCompare(l, r) >= 0
    case 'in': return pyContains(r, l)
    case 'not in': return !pyContains(r, l)
    case 'is': return pyIs(l, r)
    default: return !pyIs(l, r)
  }
}

/**
 * Evaluates a condition node as Django's smartif does: an operand that
 * fails raises (the `if` tag turns a missing variable into None), while
 * an operator whose evaluation fails for any reason (`None < 1`,
 * `1 in 'abc'`, a filter error) is False.
 */
export function evaluate (node: Node, ctx: DjangoContext): unknown {
  if (node.kind === 'operand') return node.expression.resolve(ctx, true)
  try {
    if (node.kind === 'not') return !pyTruthy(evaluate(node.operand, ctx))
    const left = evaluate(node.left, ctx)
    if (node.op === 'or' && pyTruthy(left)) return left
    if (node.op === 'and' && !pyTruthy(left)) return left
    const right = evaluate(node.right, ctx)
    if (node.op === 'or' || node.op === 'and') return right
    return compare(node.op, left, right)
  } catch {
    return false
  }
}

export type { Node as Condition }
