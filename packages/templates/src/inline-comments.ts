// Django's `{# … #}` comment never spans lines.
const INLINE_COMMENT = /\{#([^\n]*?)#\}/g

/**
 * LiquidJS has no `{# #}` delimiter, so each Django one-line comment is
 * rewritten to LiquidJS's inline comment tag `{%# … %}`. The rewrite keeps
 * the length, so error positions still point into the original source
 * (but see below).
 */
export function rewriteInlineComments (source: string): string {
  if (!source.includes('{#')) return source
  return source.replace(INLINE_COMMENT, (_whole, body: string) => {
    // Too short to rewrite, or would end the tag early: drop it, at the
    // cost of shifting later columns on that line in error messages.
    if (body === '' || body.includes('%}')) return ''
    return `{%#${body.slice(1)}%}`
  })
}
