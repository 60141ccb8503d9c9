/**
 * Masking helpers for personal data and credentials. Logs keep enough of a
 * value to correlate lines ("was it the same address?") but never the value.
 */

const STARS = '***'
const EMPTY = ''

/** Secrets shorter than this are masked entirely: a 4-char prefix of a short
 * secret is too large a share of it. */
const MIN_SECRET_WITH_PREFIX = 12
const SECRET_PREFIX = 4
const PHONE_KEEP_END = 3
const PHONE_MIN_DIGITS = 6

/**
 * Mask an email address, keeping the first character of the local part, the
 * first character of the domain and the top-level domain.
 * `'lina.okafor@example.org'` becomes `'l***@e***.org'`.
 * Values without an `@` are masked entirely; `null`/`undefined` give `''`.
 */
export function maskEmail (email: string | null | undefined): string {
  if (email == null || email === '') return EMPTY
  const at = email.lastIndexOf('@')
  if (at <= 0 || at === email.length - 1) return STARS
  const local = email.slice(0, at)
  const domain = email.slice(at + 1)
  return `${local[0]}${STARS}@${maskDomain(domain)}`
}

function maskDomain (domain: string): string {
  const dot = domain.lastIndexOf('.')
  if (dot <= 0) return `${domain[0]}${STARS}`
  return `${domain[0]}${STARS}${domain.slice(dot)}`
}

/**
 * Mask a phone number, keeping a leading `+`, the first digit and the last
 * three digits; every other digit becomes `*`, separators are dropped.
 * `'+15550100777'` becomes `'+1*******777'`. Numbers with fewer than six
 * digits are masked entirely; `null`/`undefined` give `''`.
 */
export function maskPhone (phone: string | null | undefined): string {
  if (phone == null || phone === '') return EMPTY
  const plus = phone.trimStart().startsWith('+') ? '+' : ''
  const digits = phone.replace(/\D/g, '')
  if (digits.length < PHONE_MIN_DIGITS) return STARS
  const hidden = digits.length - 1 - PHONE_KEEP_END
  return plus + digits[0] + '*'.repeat(hidden) +
    digits.slice(-PHONE_KEEP_END)
}

/**
 * Mask a secret or token, keeping at most its first four characters:
 * `'abcd…'`. Secrets shorter than twelve characters are masked entirely
 * (`'***'`); `null`/`undefined` give `''`.
 */
export function maskSecret (secret: string | null | undefined): string {
  if (secret == null || secret === '') return EMPTY
  if (secret.length < MIN_SECRET_WITH_PREFIX) return STARS
  return `${secret.slice(0, SECRET_PREFIX)}…`
}

const PHONE_LIKE = /^\+?[\d\s().-]+$/

/**
 * Mask a delivery recipient of any channel: an email address, a phone number
 * or a push token (which keeps only a short prefix, as {@link maskSecret}).
 */
export function maskRecipient (value: string): string {
  if (value.includes('@')) return maskEmail(value)
  if (isPhoneLike(value)) return maskPhone(value)
  return maskSecret(value)
}

function isPhoneLike (value: string): boolean {
  return PHONE_LIKE.test(value) &&
    value.replace(/\D/g, '').length >= PHONE_MIN_DIGITS
}
