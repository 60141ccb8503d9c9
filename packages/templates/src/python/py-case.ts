/**
 * Letters whose title case differs from their upper case (digraphs and
 * ligatures); JavaScript has no title-case mapping of its own.
 */
const TITLE_CASE: Record<string, string> = {
  Ǆ: 'ǅ', ǅ: 'ǅ', ǆ: 'ǅ',
  Ǉ: 'ǈ', ǈ: 'ǈ', ǉ: 'ǈ',
  Ǌ: 'ǋ', ǋ: 'ǋ', ǌ: 'ǋ',
  Ǳ: 'ǲ', ǲ: 'ǲ', ǳ: 'ǲ',
  ß: 'Ss',
  ﬀ: 'Ff', ﬁ: 'Fi', ﬂ: 'Fl', ﬃ: 'Ffi', ﬄ: 'Ffl', ﬅ: 'St', ﬆ: 'St'
}

/** Python's `c.title()` for one code point. */
export function titleChar (ch: string): string {
  return TITLE_CASE[ch] ?? ch.toUpperCase()
}

/** A cased letter: one with distinct upper and lower forms (or title). */
function isCased (ch: string): boolean {
  return /[\p{Lu}\p{Ll}\p{Lt}]/u.test(ch)
}

/**
 * Python's `str.title()`: a cased letter after a cased letter is lower
 * case, any other cased letter is title case.
 */
export function pyTitleCase (text: string): string {
  let out = ''
  let previousCased = false
  for (const ch of text) {
    const cased = isCased(ch)
    if (!cased) out += ch
    else out += previousCased ? ch.toLowerCase() : titleChar(ch)
    previousCased = cased
  }
  return out
}
