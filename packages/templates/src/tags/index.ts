import type { Liquid } from 'liquidjs'
import { ForTag } from './for-tag.js'
import { IfTag } from './if-tag.js'
import { WithTag } from './with-tag.js'

/** LiquidJS tags that Django also has, with the same meaning. */
const SHARED_TAGS = new Set(['comment', '#'])

/**
 * Leaves only Django's tags: Liquid-only ones (`assign`, `include`,
 * `render`, `layout`…) become unknown tags, and nothing reads files.
 */
export function registerDjangoTags (engine: Liquid): void {
  for (const name of Object.keys(engine.tags)) {
    if (!SHARED_TAGS.has(name)) delete engine.tags[name]
  }
  engine.registerTag('if', IfTag)
  engine.registerTag('for', ForTag)
  engine.registerTag('with', WithTag)
}
