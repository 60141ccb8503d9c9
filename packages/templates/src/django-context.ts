import { Context } from 'liquidjs'
import type { Liquid } from 'liquidjs'

type Key = Parameters<Context['readProperty']>[1]

/**
 * Variable lookup as Django resolves it: a key of a dict or an index of a
 * list or string, nothing else. LiquidJS would also answer `null.x` with
 * null (Django: missing, so ''), `text.length` and `list.size` with
 * numbers (Django: missing).
 */
export class DjangoContext extends Context {
  constructor (env: Record<string, unknown>, engine: Liquid) {
    super(env, engine.options, { sync: true }, { liquid: engine })
  }

  override readProperty (obj: unknown, key: Key): unknown {
    if (obj === null || obj === undefined) return undefined
    if (typeof obj === 'string' || Array.isArray(obj)) {
      return indexed(obj, key)
    }
    if (typeof obj !== 'object') return undefined
    if (typeof key !== 'string' && typeof key !== 'number') {
      return super.readProperty(obj as Record<string, unknown>, key)
    }
    return Object.hasOwn(obj, key)
      ? (obj as Record<string, unknown>)[key]
      : undefined
  }
}

function indexed (seq: string | unknown[], key: Key): unknown {
  const text = typeof key === 'number' ? String(key) : key
  if (typeof text !== 'string' || !/^\d+$/.test(text)) return undefined
  return seq[Number(text)]
}
