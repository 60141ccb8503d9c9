// Django's `{# … #}` comment never spans lines.
const INLINE_COMMENT = /\{#([^\n]*?)#\}/g

/**
 * LiquidJS has no `{# #}` delimiter, so each Django one-line comment is
 * rewritten to LiquidJS's inline comment tag `{%# … %}`. The rewrite keeps
 * the length, so error positions still point into the original source.
 */
export function rewriteInlineComments (source: string): string {
  if (!source.includes('{#')) return source
  return source.replace(INLINE_COMMENT, (whole, body: string) => {
    if (body.includes('%}')) return whole.replace(/./g, ' ')
    return body === '' ? '' : `{%#${body.slice(1)}%}`
  })
}
