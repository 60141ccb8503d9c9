import type { SyntaxNode } from '@lezer/common'
import { parser } from '@lezer/python'
import { numberLiteral, stringLiteral } from './py-literals.js'
import { PyError } from './py-values.js'
import type { PyValue } from './py-values.js'

/**
 * The expression a condition evaluates: only the safe part of Python's
 * expression grammar. Anything else parses to `unsupported`, which fails
 * when (and only if) evaluation reaches it, as Python's own error would.
 */
export type Expr =
  | { kind: 'literal', value: PyValue }
  | { kind: 'name', name: string }
  | { kind: 'unary', op: string, operand: Expr }
  | { kind: 'logic', op: 'and' | 'or', left: Expr, right: Expr }
  | { kind: 'binary', op: string, left: Expr, right: Expr }
  | { kind: 'compare', operands: Expr[], ops: string[] }
  | { kind: 'tuple' | 'list', items: Expr[] }
  | { kind: 'conditional', test: Expr, then: Expr, otherwise: Expr }
  | { kind: 'method', target: Expr, name: string, args: Expr[] }
  | { kind: 'unsupported', what: string }

/** Nesting deeper than this is refused, keeping evaluation bounded. */
const MAX_DEPTH = 100
const COMPARE_WORDS = new Set(['in', 'is', 'not'])
const IDENTIFIER = /^[\p{XID_Start}_]\p{XID_Continue}*$/u

function syntaxError (node: SyntaxNode | null, source: string): PyError {
  const at = node === null ? '' : ` at ${JSON.stringify(
    source.slice(node.from, node.from + 20))}`
  return new PyError('SyntaxError', `invalid syntax${at}`)
}

/** The children that carry meaning (comments dropped). */
function children (node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = []
  for (let c = node.firstChild; c !== null; c = c.nextSibling) {
    if (c.name !== 'Comment') out.push(c)
  }
  return out
}

class ConditionParser {
  constructor (private readonly source: string) {}

  text (node: SyntaxNode): string {
    return this.source.slice(node.from, node.to)
  }

  /** The single expression statement a condition must be. */
  parse (): Expr {
    const tree = parser.parse(this.source)
    let error: SyntaxNode | null = null
    tree.iterate({
      enter: (n) => { if (n.type.isError && error === null) error = n.node }
    })
    if (error !== null) throw syntaxError(error, this.source)
    const statements = children(tree.topNode)
    const [statement] = statements
    if (statements.length !== 1 || statement?.name !== 'ExpressionStatement') {
      throw syntaxError(statements[1] ?? statement ?? null, this.source)
    }
    const parts = children(statement)
    if (parts.length !== 1 || parts[0] === undefined) {
      // `1, 2` at the top level is a tuple in Python.
      return this.tuple(parts, 'tuple', 0)
    }
    return this.expr(parts[0], 0)
  }

  expr (node: SyntaxNode, depth: number): Expr {
    if (depth > MAX_DEPTH) {
      throw new PyError('SyntaxError', 'too many nested parentheses')
    }
    const d = depth + 1
    const parts = children(node)
    switch (node.name) {
      case 'Number': return { kind: 'literal', value: numberLiteral(this.text(node)) }
      case 'String': return this.string(node)
      case 'ContinuedString': return this.continued(parts)
      case 'Boolean': return { kind: 'literal', value: this.text(node) === 'True' }
      case 'None': return { kind: 'literal', value: null }
      case 'VariableName': return this.name(node)
      case 'ParenthesizedExpression': return this.expr(this.only(parts, 1), d)
      case 'TupleExpression': return this.tuple(parts.slice(1, -1), 'tuple', d)
      case 'ArrayExpression': return this.tuple(parts.slice(1, -1), 'list', d)
      case 'UnaryExpression':
        return this.isLogical(node) ? this.logical(node, d) : this.unary(parts, d)
      case 'BinaryExpression':
        return this.isLogical(node) ? this.logical(node, d) : this.binary(node, parts, d)
      case 'ConditionalExpression': return this.conditional(parts, d)
      case 'CallExpression': return this.call(parts, d)
      default: return { kind: 'unsupported', what: node.name }
    }
  }

  /** Lezer accepts any symbol as a name; Python only identifiers. */
  name (node: SyntaxNode): Expr {
    const name = this.text(node)
    if (!IDENTIFIER.test(name)) throw syntaxError(node, this.source)
    return { kind: 'name', name }
  }

  only (parts: SyntaxNode[], index: number): SyntaxNode {
    const node = parts[index]
    if (node === undefined) throw syntaxError(null, this.source)
    return node
  }

  string (node: SyntaxNode): Expr {
    try {
      return { kind: 'literal', value: stringLiteral(this.text(node)) }
    } catch (err) {
      if (err instanceof PyError && err.pythonError === 'UnsupportedError') {
        return { kind: 'unsupported', what: err.message }
      }
      throw err
    }
  }

  continued (parts: SyntaxNode[]): Expr {
    let value = ''
    for (const part of parts) {
      const piece = part.name === 'String' ? this.string(part) : undefined
      if (piece?.kind !== 'literal') {
        return { kind: 'unsupported', what: 'formatted strings' }
      }
      value += String(piece.value)
    }
    return { kind: 'literal', value }
  }

  tuple (parts: SyntaxNode[], kind: 'tuple' | 'list', depth: number): Expr {
    const items = parts.filter((p) => p.name !== ',')
      .map((p) => this.expr(p, depth))
    return { kind, items }
  }

  /** An `and`, `or` or `not` node (lezer groups these loosely). */
  isLogical (node: SyntaxNode): boolean {
    const parts = children(node)
    if (node.name === 'UnaryExpression') return parts[0]?.name === 'not'
    if (node.name !== 'BinaryExpression') return false
    const op = this.operator(parts)
    return op === 'and' || op === 'or'
  }

  /**
   * Lezer's Python grammar lets `not` reach over `and`/`or` to its right
   * (`not a or b` as `not (a or b)`), so the boolean layer is flattened
   * back to its words and operands and parsed again with Python's rule:
   * `or` < `and` < `not` < comparisons.
   */
  logical (node: SyntaxNode, depth: number): Expr {
    const items: Array<SyntaxNode | 'and' | 'or' | 'not'> = []
    const flatten = (n: SyntaxNode): void => {
      if (!this.isLogical(n)) { items.push(n); return }
      const parts = children(n)
      if (n.name === 'UnaryExpression') {
        items.push('not')
        flatten(this.only(parts, 1))
        return
      }
      flatten(this.only(parts, 0))
      items.push(this.operator(parts) === 'and' ? 'and' : 'or')
      flatten(this.only(parts, parts.length - 1))
    }
    flatten(node)
    return new BooleanLayer(items, (n) => this.expr(n, depth + 1), () =>
      syntaxError(node, this.source)).parse()
  }

  unary (parts: SyntaxNode[], depth: number): Expr {
    const op = this.text(this.only(parts, 0))
    return { kind: 'unary', op, operand: this.expr(this.only(parts, 1), depth) }
  }

  /** The operator words and symbols between the two operands. */
  operator (parts: SyntaxNode[]): string {
    return parts.slice(1, -1).map((p) => this.text(p)).join(' ')
  }

  isComparison (node: SyntaxNode): boolean {
    if (node.name !== 'BinaryExpression') return false
    const ops = children(node).slice(1, -1)
    return ops.some((p) => p.name === 'CompareOp' || COMPARE_WORDS.has(p.name))
  }

  binary (node: SyntaxNode, parts: SyntaxNode[], depth: number): Expr {
    const op = this.operator(parts)
    const left = this.only(parts, 0)
    const right = this.only(parts, parts.length - 1)
    // `1 < not 2`: Python allows `not` only where a boolean operand goes.
    if (this.isLogical(right) && right.name === 'UnaryExpression') {
      throw syntaxError(right, this.source)
    }
    if (op === 'and' || op === 'or') {
      return {
        kind: 'logic', op, left: this.expr(left, depth), right: this.expr(right, depth)
      }
    }
    if (!this.isComparison(node)) {
      return {
        kind: 'binary', op, left: this.expr(left, depth), right: this.expr(right, depth)
      }
    }
    // `a < b < c` arrives as `(a < b) < c`: Python chains it instead.
    const chain = this.isComparison(left)
      ? this.expr(left, depth)
      : { kind: 'compare' as const, operands: [this.expr(left, depth)], ops: [] }
    if (chain.kind !== 'compare') throw syntaxError(node, this.source)
    return {
      kind: 'compare',
      operands: [...chain.operands, this.expr(right, depth)],
      ops: [...chain.ops, op]
    }
  }

  conditional (parts: SyntaxNode[], depth: number): Expr {
    return {
      kind: 'conditional',
      then: this.expr(this.only(parts, 0), depth),
      test: this.expr(this.only(parts, 2), depth),
      otherwise: this.expr(this.only(parts, 4), depth)
    }
  }

  /** `'text'.lower()`: a method of a value; any other call is a name. */
  call (parts: SyntaxNode[], depth: number): Expr {
    const callee = this.only(parts, 0)
    const args = children(this.only(parts, 1)).slice(1, -1)
      .filter((p) => p.name !== ',')
    if (callee.name === 'VariableName') {
      return { kind: 'name', name: this.text(callee) }
    }
    const member = children(callee)
    const property = member[2]
    if (callee.name !== 'MemberExpression' || property?.name !== 'PropertyName') {
      return { kind: 'unsupported', what: 'this call' }
    }
    return {
      kind: 'method',
      target: this.expr(this.only(member, 0), depth),
      name: this.text(property),
      args: args.map((a) => this.expr(a, depth))
    }
  }
}

type BooleanItem = SyntaxNode | 'and' | 'or' | 'not'

/** Python's `or_test`, `and_test` and `not_test` over flattened items. */
class BooleanLayer {
  private pos = 0

  constructor (
    private readonly items: BooleanItem[],
    private readonly operand: (node: SyntaxNode) => Expr,
    private readonly fail: () => PyError
  ) {}

  parse (): Expr {
    const expr = this.or()
    if (this.pos !== this.items.length) throw this.fail()
    return expr
  }

  private or (): Expr {
    let left = this.and()
    while (this.items[this.pos] === 'or') {
      this.pos++
      left = { kind: 'logic', op: 'or', left, right: this.and() }
    }
    return left
  }

  private and (): Expr {
    let left = this.not()
    while (this.items[this.pos] === 'and') {
      this.pos++
      left = { kind: 'logic', op: 'and', left, right: this.not() }
    }
    return left
  }

  private not (): Expr {
    const item = this.items[this.pos++]
    if (item === 'not') return { kind: 'unary', op: 'not', operand: this.not() }
    if (item === undefined || typeof item === 'string') throw this.fail()
    return this.operand(item)
  }
}

/**
 * Python's own rule for what precedes the expression: `eval` strips
 * leading spaces and tabs; a later line may not be indented.
 */
function checkIndentation (source: string): void {
  const lines = source.split('\n')
  const first = lines.findIndex((line) => line.trim() !== '')
  const last = lines[lines.length - 1] ?? ''
  if ((first > 0 && /^[ \t\f]/.test(lines[first] ?? '')) ||
      (lines.length > 1 && last !== '' && last.trim() === '')) {
    throw new PyError('IndentationError', 'unexpected indent')
  }
}

/** Parses a rendered condition; throws {@link PyError} for bad syntax. */
export function parseCondition (rendered: string): Expr {
  const source = rendered.replace(/^[ \t]+/, '')
  checkIndentation(source)
  return new ConditionParser(source).parse()
}
