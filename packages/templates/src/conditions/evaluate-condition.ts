import type { Expr } from './parse-condition.js'
import { arithmetic, unaryArithmetic } from './py-arithmetic.js'
import {
  PyError, PyTuple, compare, contains, equals, identical, truthy, typeName
} from './py-values.js'
import type { PyValue } from './py-values.js'

/** Argument-taking string methods a condition may call, by arity. */
const STRING_METHODS: Record<string, (s: string, args: PyValue[]) => PyValue> = {
  lower: (s) => s.toLowerCase(),
  upper: (s) => s.toUpperCase(),
  strip: (s) => s.replace(/^\s+|\s+$/gu, ''),
  startswith: (s, [p]) => s.startsWith(textArg('startswith', p)),
  endswith: (s, [p]) => s.endsWith(textArg('endswith', p))
}
const METHOD_ARITY: Record<string, number> = {
  lower: 0, upper: 0, strip: 0, startswith: 1, endswith: 1
}

function textArg (method: string, arg: PyValue | undefined): string {
  if (typeof arg !== 'string') {
    throw new PyError('TypeError', `${method} arg must be str, not ` +
      typeName(arg ?? null))
  }
  return arg
}

function compareOp (op: string, a: PyValue, b: PyValue): boolean {
  switch (op) {
    case '==': return equals(a, b)
    case '!=': return !equals(a, b)
    case '<': return compare(a, b) < 0
    case '<=': return compare(a, b) <= 0
    case '>': return compare(a, b) > 0
    case '>=': return compare(a, b) >= 0
    case 'in': return contains(b, a)
    case 'not in': return !contains(b, a)
    case 'is': return identical(a, b)
    case 'is not': return !identical(a, b)
    default: throw new PyError('SyntaxError', `invalid operator ${op}`)
  }
}

/** `a < b < c` is `a < b and b < c`, each operand evaluated once. */
function chain (node: Extract<Expr, { kind: 'compare' }>): boolean {
  let left = evaluate(node.operands[0] ?? { kind: 'literal', value: null })
  for (let i = 0; i < node.ops.length; i++) {
    const right = evaluate(node.operands[i + 1] ?? { kind: 'literal', value: null })
    if (!compareOp(node.ops[i] ?? '', left, right)) return false
    left = right
  }
  return true
}

function method (node: Extract<Expr, { kind: 'method' }>): PyValue {
  const target = evaluate(node.target)
  const impl = STRING_METHODS[node.name]
  if (typeof target !== 'string' || impl === undefined ||
      !Object.hasOwn(STRING_METHODS, node.name)) {
    throw new PyError('AttributeError',
      `'${typeName(target)}' object has no attribute '${node.name}'`)
  }
  const args = node.args.map(evaluate)
  if (args.length !== METHOD_ARITY[node.name]) {
    throw new PyError('TypeError', `${node.name}() takes ` +
      `${METHOD_ARITY[node.name] ?? 0} arguments (${args.length} given)`)
  }
  return impl(target, args)
}

/**
 * Evaluates a parsed condition with Python's semantics. Nothing here can
 * run code: names are undefined (NameError), and only the string methods
 * above can be called.
 */
export function evaluate (node: Expr): PyValue {
  switch (node.kind) {
    case 'literal': return node.value
    case 'name':
      throw new PyError('NameError', `name '${node.name}' is not defined`)
    case 'unary': {
      const value = evaluate(node.operand)
      return node.op === 'not' ? !truthy(value) : unaryArithmetic(node.op, value)
    }
    case 'logic': {
      const left = evaluate(node.left)
      if (truthy(left) === (node.op === 'or')) return left
      return evaluate(node.right)
    }
    case 'binary':
      return arithmetic(node.op, evaluate(node.left), evaluate(node.right))
    case 'compare': return chain(node)
    case 'list': return node.items.map(evaluate)
    case 'tuple': return new PyTuple(node.items.map(evaluate))
    case 'conditional':
      return truthy(evaluate(node.test)) ? evaluate(node.then) : evaluate(node.otherwise)
    case 'method': return method(node)
    default:
      throw new PyError('UnsupportedError', `${node.what} is not supported`)
  }
}
