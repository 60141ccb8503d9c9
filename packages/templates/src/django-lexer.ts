import { ParseError, TagToken, Token, TokenKind, Tokenizer } from 'liquidjs'
import type { Liquid, TopLevelToken } from 'liquidjs'

// Django's `tag_re`: a tag never spans lines, and anything unmatched
// (an unclosed `{{`, a stray `%}`) is plain text.
const DJANGO_TAG = /\{%[^\n]*?%\}|\{\{[^\n]*?\}\}|\{#[^\n]*?#\}/g

/** A token of the source by its offsets; the kind tells the parser. */
class SourceToken extends Token {}

/** Django's `token.contents`: what sits between the delimiters, stripped. */
export function tagContents (token: Token): string {
  return token.input.slice(token.begin + 2, token.end - 2).trim()
}

function fail (message: string, source: string, begin: number, end: number): never {
  throw new ParseError(new Error(message),
    new SourceToken(TokenKind.Tag, source, begin, end))
}

function text (source: string, begin: number, end: number, liquid: Liquid) {
  const tokenizer = new Tokenizer(source, liquid.options.operators,
    undefined, [begin, end])
  return tokenizer.readHTMLToken([])
}

/**
 * A block tag as LiquidJS's parser wants it, named by Django's rule: the
 * first word of its contents (so `{%- if -%}` is the unknown tag `-`).
 */
function blockTag (
  source: string, begin: number, end: number, liquid: Liquid
): TagToken {
  const contents = source.slice(begin + 2, end - 2).trim()
  if (contents === '') fail('Empty block tag', source, begin, end)
  const command = contents.split(/\s+/)[0] ?? ''
  let token: TagToken
  try {
    token = new TagToken(source, begin, end, liquid.options)
  } catch {
    fail(`Invalid block tag: '${command}'`, source, begin, end)
  }
  token.name = command
  return token
}

function delimited (
  source: string, begin: number, end: number, liquid: Liquid
): TopLevelToken | undefined {
  const opener = source.slice(begin, begin + 2)
  if (opener === '{#') return undefined
  if (opener === '{%') return blockTag(source, begin, end, liquid)
  if (source.slice(begin + 2, end - 2).trim() === '') {
    fail('Empty variable tag', source, begin, end)
  }
  // An output token carries no parsed value: DjangoOutput compiles its
  // contents with Django's own filter grammar.
  return new SourceToken(TokenKind.Output, source, begin, end) as TopLevelToken
}

/**
 * Splits a template into LiquidJS tokens by Django's lexer rules, keeping
 * every token's offsets into the source so errors point at it.
 */
export function djangoTokens (source: string, liquid: Liquid): TopLevelToken[] {
  const tokens: TopLevelToken[] = []
  let upto = 0
  for (const match of source.matchAll(DJANGO_TAG)) {
    const end = match.index + match[0].length
    if (match.index > upto) tokens.push(text(source, upto, match.index, liquid))
    const token = delimited(source, match.index, end, liquid)
    if (token !== undefined) tokens.push(token)
    upto = end
  }
  if (upto < source.length) {
    tokens.push(text(source, upto, source.length, liquid))
  }
  return tokens
}
