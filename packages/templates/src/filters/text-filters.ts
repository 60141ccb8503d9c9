import { FilterArgumentError } from '../errors.js'
import { pyTitleCase } from '../python/py-case.js'
import { PY_WHITESPACE } from '../python/py-number.js'
import { pyInt, pyTypeName } from '../python/py-ops.js'
import { pyStr } from '../python/py-str.js'
import { SafeString } from '../python/safe-string.js'
import type { DjangoFilter, FilterEnv } from './define-filter.js'

/** Django's `title`, which undoes `str.title()` on "they're" and "1st". */
function title (text: string): string {
  return pyTitleCase(text)
    .replace(/([a-z])'([A-Z])/g, (m) => m.toLowerCase())
    .replace(/\d([A-Z])/g, (m) => m.toLowerCase())
}

const ELLIPSIS = '…'
const COMBINING = /\p{Mn}/u

/**
 * Django's `Truncator.chars`: NFC text, combining marks do not count, and
 * the ellipsis counts toward the length.
 */
function truncateChars (value: string, length: number): string {
  if (length <= 0) return ''
  const text = value.normalize('NFC')
  const chars = Array.from(text)
  let counted = 0
  let end: number | undefined
  for (let i = 0; i < chars.length; i++) {
    if (COMBINING.test(chars[i] ?? '')) continue
    counted++
    if (end === undefined && counted > length - 1) end = i
    if (counted > length) return chars.slice(0, end).join('') + ELLIPSIS
  }
  return text
}

/** Django's `Truncator.words`: whitespace collapses even when not cut. */
function truncateWords (value: string, length: number): string {
  if (length <= 0) return ''
  const words = value.split(/\s+/).filter((w) => w !== '')
  if (words.length <= length) return words.join(' ')
  return `${words.slice(0, length).join(' ')} ${ELLIPSIS}`
}

/**
 * Django's `cut`: Python's `str.replace(arg, '')`. Safe text stays safe,
 * unless the cut was ';', which can break the entities in it.
 */
function cut (value: unknown, arg: unknown, env: FilterEnv): unknown {
  if (typeof arg !== 'string' && !(arg instanceof SafeString)) {
    throw new FilterArgumentError('cut',
      `replace() argument 1 must be str, not ${pyTypeName(arg)}`)
  }
  const needle = pyStr(arg)
  const text = (value as string).replaceAll(needle, '')
  return env.inputSafe && needle !== ';' ? new SafeString(text) : text
}

/** Django's `wordcount`: `len(value.split())`, on Python's whitespace. */
function wordcount (value: unknown): number {
  return (value as string).split(PY_WHITESPACE)
    .filter((word) => word !== '').length
}

/** Case, length and word filters on text. */
export const textFilters: DjangoFilter[] = [
  {
    name: 'upper',
    arity: 'none',
    stringInput: true,
    apply: (value) => (value as string).toUpperCase()
  },
  {
    name: 'lower',
    arity: 'none',
    isSafe: true,
    stringInput: true,
    apply: (value) => (value as string).toLowerCase()
  },
  {
    name: 'title',
    arity: 'none',
    isSafe: true,
    stringInput: true,
    apply: (value) => title(value as string)
  },
  {
    name: 'capfirst',
    arity: 'none',
    isSafe: true,
    stringInput: true,
    apply (value) {
      const [first = '', ...rest] = Array.from(value as string)
      return first.toUpperCase() + rest.join('')
    }
  },
  {
    name: 'truncatechars',
    arity: 'required',
    isSafe: true,
    stringInput: true,
    apply (value, arg) {
      const length = pyInt(arg)
      return length === undefined ? value : truncateChars(value as string, length)
    }
  },
  {
    name: 'truncatewords',
    arity: 'required',
    isSafe: true,
    stringInput: true,
    apply (value, arg) {
      const length = pyInt(arg)
      return length === undefined ? value : truncateWords(value as string, length)
    }
  },
  {
    name: 'cut',
    arity: 'required',
    stringInput: true,
    apply: cut
  },
  {
    name: 'wordcount',
    arity: 'none',
    stringInput: true,
    apply: wordcount
  }
]
