import type { Liquid } from 'liquidjs'
import { CommentTag } from './comment-tag.js'
import { ForTag } from './for-tag.js'
import { IfTag } from './if-tag.js'
import { WithTag } from './with-tag.js'

/**
 * Leaves only Django's tags: Liquid-only ones (`assign`, `include`,
 * `render`, `layout`…) become unknown tags, and nothing reads files.
 */
export function registerDjangoTags (engine: Liquid): void {
  for (const name of Object.keys(engine.tags)) delete engine.tags[name]
  engine.registerTag('comment', CommentTag)
  engine.registerTag('if', IfTag)
  engine.registerTag('for', ForTag)
  engine.registerTag('with', WithTag)
}
