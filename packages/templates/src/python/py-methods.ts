import { pyTitleCase } from './py-case.js'

/**
 * Django calls a callable it meets in a lookup, so `{{ name.upper }}` and
 * `{% for k, v in d.items %}` work there. These are the argument-less,
 * side-effect-free Python methods of the JSON types that Herald answers;
 * any other name is missing, as a method Django cannot call would be.
 */
const STRING_METHODS: Record<string, (s: string) => unknown> = {
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
  casefold: (s) => s.toLowerCase(),
  title: pyTitleCase,
  capitalize: (s) => {
    const [first = '', ...rest] = Array.from(s)
    return first.toUpperCase() + rest.join('').toLowerCase()
  },
  strip: (s) => s.replace(/^\s+|\s+$/gu, ''),
  lstrip: (s) => s.replace(/^\s+/u, ''),
  rstrip: (s) => s.replace(/\s+$/u, ''),
  isdigit: (s) => /^\p{Nd}+$/u.test(s),
  isalpha: (s) => /^\p{L}+$/u.test(s),
  isalnum: (s) => /^[\p{L}\p{N}]+$/u.test(s),
  isspace: (s) => /^\s+$/u.test(s),
  isupper: (s) => /\p{Lu}/u.test(s) && s === s.toUpperCase(),
  islower: (s) => /\p{Ll}/u.test(s) && s === s.toLowerCase()
}

const DICT_METHODS: Record<string, (d: Record<string, unknown>) => unknown> = {
  items: (d) => Object.entries(d),
  keys: (d) => Object.keys(d),
  values: (d) => Object.values(d)
}

/** The result of calling `obj.name()`, or undefined when Django could not. */
export function pyMethodResult (obj: unknown, name: string): unknown {
  if (typeof obj === 'string') {
    return Object.hasOwn(STRING_METHODS, name)
      ? STRING_METHODS[name]?.(obj)
      : undefined
  }
  if (typeof obj === 'object' && obj !== null && !Array.isArray(obj) &&
      Object.getPrototypeOf(obj) === Object.prototype &&
      Object.hasOwn(DICT_METHODS, name)) {
    return DICT_METHODS[name]?.(obj as Record<string, unknown>)
  }
  return undefined
}
