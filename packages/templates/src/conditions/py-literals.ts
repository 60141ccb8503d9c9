import { PyError } from './py-values.js'

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f',
  n: '\n', r: '\r', t: '\t', v: '\v'
}

function syntax (message: string): PyError {
  return new PyError('SyntaxError', message)
}

/** `\x41`, `\u0041`, `\U00000041`: exactly that many hex digits. */
function hexEscape (body: string, at: number, width: number): string {
  const digits = body.slice(at, at + width)
  if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(digits)) {
    throw syntax('truncated escape in string literal')
  }
  const code = Number.parseInt(digits, 16)
  if (code > 0x10ffff) throw syntax('illegal Unicode character')
  return String.fromCodePoint(code)
}

/** Python's escape sequences of a non-raw string literal's body. */
function unescape (body: string): string {
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? ''
    if (ch !== '\\') { out += ch; continue }
    const next = body[++i] ?? ''
    const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0
    if (width > 0) {
      out += hexEscape(body, i + 1, width)
      i += width
    } else if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(body.slice(i))?.[0] ?? next
      out += String.fromCodePoint(Number.parseInt(octal, 8))
      i += octal.length - 1
    } else if (next === 'N') {
      throw new PyError('UnsupportedError', 'named escapes are not supported')
    } else {
      // An unknown escape keeps its backslash, as Python does.
      out += SIMPLE_ESCAPES[next] ?? `\\${next}`
    }
  }
  return out
}

/** The value of one string literal token, prefix and quotes included. */
export function stringLiteral (text: string): string {
  const match = /^([rRbBuU]{0,2})('''|"""|'|")([\s\S]*)\2$/.exec(text)
  if (match === null) throw syntax('unterminated string literal')
  const [, prefix = '', , body = ''] = match
  if (/b/i.test(prefix)) {
    throw new PyError('UnsupportedError', 'bytes literals are not supported')
  }
  return /r/i.test(prefix) ? body : unescape(body)
}

/** The value of a number token: int as bigint, float as number. */
export function numberLiteral (text: string): bigint | number {
  const plain = text.replaceAll('_', '')
  if (/[jJ]$/.test(plain)) {
    throw new PyError('UnsupportedError', 'complex numbers are not supported')
  }
  if (/^0[xob]/i.test(plain)) return BigInt(plain.toLowerCase())
  if (/^\d+$/.test(plain)) {
    if (/^0+[1-9]/.test(plain)) {
      throw syntax('leading zeros in decimal integer literals are not ' +
        'permitted')
    }
    return BigInt(plain)
  }
  const value = Number(plain)
  if (Number.isNaN(value)) throw syntax(`invalid number ${text}`)
  return value
}
