import { Tag, TypeGuards } from 'liquidjs'
import type { Liquid, TagToken, TopLevelToken } from 'liquidjs'
import { tagContents } from '../django-lexer.js'

/**
 * Django's `{% comment %}…{% endcomment %}`: skips every token up to the
 * first `{% endcomment %}`, whatever it contains (no nesting, unlike
 * LiquidJS's own comment tag).
 */
export class CommentTag extends Tag {
  constructor (
    token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid
  ) {
    super(token, remainTokens, liquid)
    while (remainTokens.length > 0) {
      const next = remainTokens.shift()
      if (TypeGuards.isTagToken(next) && tagContents(next) === 'endcomment') {
        return
      }
    }
    throw new Error(
      `Unclosed tag '${token.getText()}', expected 'endcomment'`)
  }

  * render (): Generator<unknown, void, unknown> {}
}
