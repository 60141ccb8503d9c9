/**
 * A string already fit for HTML, like Django's `SafeString`: output and
 * filters marked `isSafe` leave it unescaped. Produced by `|safe`,
 * `|escape` and filters that escape their own input (`join`, `linebreaksbr`).
 */
export class SafeString {
  constructor (readonly value: string) {}

  toString (): string {
    return this.value
  }
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;'
}

/** Django's `html.escape`: the five characters, `'` as `&#x27;`. */
export function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch)
}
