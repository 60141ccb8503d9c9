import type { TagToken } from 'liquidjs'
import { tagContents } from '../django-lexer.js'

// Django's smart_split: whitespace separates bits, quotes keep them whole.
const BIT = /(?:[^\s'"]*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')[^\s'"]*)+)|\S+/g

/** Splits tag arguments as Django's `token.split_contents()` does. */
export function splitBits (args: string): string[] {
  return args.match(BIT) ?? []
}

/** A loop or `with` variable name. */
export const NAME = /^[\p{L}\p{N}_]+$/u

/** What follows the tag name in Django's `token.contents`. */
export function tagArgs (token: TagToken): string {
  return tagContents(token).slice(token.name.length).trim()
}
