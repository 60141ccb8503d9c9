import { FilterArgumentError } from '../errors.js'
import { pyStr } from '../python/py-str.js'
import { SafeString, escapeHtml } from '../python/safe-string.js'
import type { DjangoFilter, FilterEnv } from './define-filter.js'

/** Django's `strip_tags`: repeat until no tag is left to remove. */
function stripTags (html: string): string {
  let text = html
  while (text.includes('<') && text.includes('>')) {
    const next = text.replace(/<!--[\s\S]*?-->|<\/?[a-zA-Z!?][^<>]*>/g, '')
    if (next === text) break
    text = next
  }
  return text
}

function paragraph (text: string, escape: boolean): string {
  const body = escape ? escapeHtml(text) : text
  return `<p>${body.replace(/\n/g, '<br>')}</p>`
}

/**
 * Django's `linebreaks`: paragraphs split on blank lines, `<br>` within
 * them; the text is escaped when autoescaping unless it was safe, and
 * the result is safe either way.
 */
function linebreaks (value: unknown, arg: unknown, env: FilterEnv): SafeString {
  // Django's signature takes the argument, then the call fails.
  if (arg !== undefined) {
    throw new FilterArgumentError('linebreaks', 'takes no argument')
  }
  const escape = env.autoescape && !env.inputSafe
  const paragraphs = (value as string).replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
  return new SafeString(
    paragraphs.map((p) => paragraph(p, escape)).join('\n\n'))
}

// Python's urllib.parse.quote never encodes these.
const ALWAYS_SAFE = /[A-Za-z0-9_.\-~]/

/** Python's `quote(text, safe)`: UTF-8 bytes as upper-case `%XX`. */
function quote (text: string, safe: string): string {
  let out = ''
  for (const ch of text) {
    if (ALWAYS_SAFE.test(ch) || (ch.length === 1 && safe.includes(ch))) {
      out += ch
      continue
    }
    for (const byte of Buffer.from(ch, 'utf8')) {
      out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
    }
  }
  return out
}

/** Filters that escape, unescape or strip markup. */
export const htmlFilters: DjangoFilter[] = [
  {
    name: 'safe',
    arity: 'none',
    isSafe: true,
    stringInput: true,
    apply: (value) => new SafeString(value as string)
  },
  {
    name: 'escape',
    arity: 'none',
    isSafe: true,
    stringInput: true,
    apply: (value, _arg, env) => new SafeString(
      env.inputSafe ? value as string : escapeHtml(value as string))
  },
  {
    name: 'force_escape',
    arity: 'none',
    isSafe: true,
    stringInput: true,
    apply: (value) => new SafeString(escapeHtml(value as string))
  },
  {
    name: 'linebreaksbr',
    arity: 'optional',
    isSafe: true,
    stringInput: true,
    apply (value, arg, env) {
      // Django's signature takes the argument, then the call fails.
      if (arg !== undefined) {
        throw new FilterArgumentError('linebreaksbr', 'takes no argument')
      }
      let text = (value as string).replace(/\r\n?/g, '\n')
      if (env.autoescape && !env.inputSafe) text = escapeHtml(text)
      return new SafeString(text.replace(/\n/g, '<br>'))
    }
  },
  {
    name: 'linebreaks',
    arity: 'optional',
    isSafe: true,
    stringInput: true,
    apply: linebreaks
  },
  {
    name: 'striptags',
    arity: 'none',
    isSafe: true,
    stringInput: true,
    apply: (value) => stripTags(value as string)
  },
  {
    name: 'urlencode',
    arity: 'optional',
    stringInput: true,
    apply: (value, arg) =>
      quote(value as string, arg === undefined ? '/' : pyStr(arg))
  }
]
