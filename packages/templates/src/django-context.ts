import { Context } from 'liquidjs'
import type { Liquid } from 'liquidjs'
import { pyMethodResult } from './python/py-methods.js'

type Key = Parameters<Context['readProperty']>[1]

/** What one render knows beyond the variables. */
export interface RenderState {
  /** Escape output for HTML, as Django's autoescape does. */
  autoescape: boolean
  /** When given, every variable path that resolved to nothing is added. */
  missing?: Set<string>
}

/**
 * Variable lookup as Django resolves it: a key of a dict, an index of a
 * list or string, or one of the few argument-less Python methods Django
 * would call (`d.items`, `s.upper`). LiquidJS would also answer `null.x`
 * with null (Django: missing, so ''), `text.length` and `list.size` with
 * numbers (Django: missing).
 */
export class DjangoContext extends Context {
  readonly state: RenderState
  /** Variable scopes: their keys are names, never Python methods. */
  readonly #scopes = new WeakSet<object>()

  constructor (
    env: Record<string, unknown>,
    engine: Liquid,
    state: RenderState,
    renderLimitMs?: number
  ) {
    const limits = renderLimitMs === undefined ? {} : { renderLimit: renderLimitMs }
    super(env, engine.options, { sync: true, ...limits }, { liquid: engine })
    this.state = state
    this.#scopes.add(this.environments).add(this.globals)
  }

  override push (scope: object): number {
    this.#scopes.add(scope)
    return super.push(scope)
  }

  override readProperty (obj: unknown, key: Key): unknown {
    if (obj === null || obj === undefined) return undefined
    if (typeof key !== 'string' && typeof key !== 'number') return undefined
    const name = String(key)
    if (this.#scopes.has(obj)) {
      return Object.hasOwn(obj, name)
        ? (obj as Record<string, unknown>)[name]
        : undefined
    }
    if (typeof obj === 'string' || Array.isArray(obj)) {
      return indexed(obj, name) ?? pyMethodResult(obj, name)
    }
    if (typeof obj !== 'object') return undefined
    return Object.hasOwn(obj, name)
      ? (obj as Record<string, unknown>)[name]
      : pyMethodResult(obj, name)
  }

  /** Records a lookup that found nothing, for previews. */
  noteMissing (path: readonly string[]): void {
    this.state.missing?.add(path.join('.'))
  }
}

function indexed (seq: string | unknown[], key: string): unknown {
  if (!/^\d+$/.test(key)) return undefined
  return typeof seq === 'string'
    ? Array.from(seq)[Number(key)]
    : seq[Number(key)]
}
