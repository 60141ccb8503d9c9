import type { DjangoContext } from '../django-context.js'
import { applyFilter } from '../filters/define-filter.js'
import type { DjangoFilter } from '../filters/define-filter.js'

/** A literal (string, number) or a dotted variable lookup. */
export type Operand =
  | { kind: 'literal', value: unknown }
  | { kind: 'lookup', path: readonly string[] }

/** One `|name:arg` of an expression. */
export interface FilterCall {
  filter: DjangoFilter
  arg?: Operand
}

/**
 * Django's VariableDoesNotExist: a filter argument names a variable the
 * context lacks. Django fails the render for it, except inside `{% if %}`.
 */
export class VariableDoesNotExist extends Error {
  constructor (path: readonly string[]) {
    super(`Failed lookup for key [${path.join('.')}]`)
    this.name = 'VariableDoesNotExist'
  }
}

/**
 * A compiled Django filter expression (`user.name|default:'-'|upper`),
 * resolved the way Django's FilterExpression resolves it.
 */
export class DjangoExpression {
  constructor (
    readonly head: Operand,
    readonly filters: readonly FilterCall[],
    readonly source: string
  ) {}

  /**
   * The value. A missing head is '' for output and `{% with %}`, and
   * None (`ignoreFailures`) for `{% if %}` and `{% for %}`, as in Django.
   */
  resolve (ctx: DjangoContext, ignoreFailures = false): unknown {
    let value = this.operand(this.head, ctx)
    if (value === undefined) value = ignoreFailures ? null : ''
    for (const { filter, arg } of this.filters) {
      const argument = arg === undefined ? undefined : this.argument(arg, ctx)
      value = applyFilter(filter, value, argument, ctx.state.autoescape)
    }
    return value
  }

  private argument (arg: Operand, ctx: DjangoContext): unknown {
    const value = this.operand(arg, ctx)
    if (value === undefined && arg.kind === 'lookup') {
      throw new VariableDoesNotExist(arg.path)
    }
    return value
  }

  private operand (operand: Operand, ctx: DjangoContext): unknown {
    if (operand.kind === 'literal') return operand.value
    const value = ctx.getSync([...operand.path])
    if (value === undefined) ctx.noteMissing(operand.path)
    return value
  }
}
