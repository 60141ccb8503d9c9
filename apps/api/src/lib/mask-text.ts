import { maskEmail, maskPhone, maskSecret } from '@herald/log'

const EMAIL = /[^\s@<>"'(),;:[\]]+@[^\s@<>"'(),;:[\]]+\.[A-Za-z]{2,}/g
/** An international number as providers quote it: a plus and 7+ digits. */
const PHONE = /\+\d[\d\s().-]{5,}\d/g
/** Expo push tokens, as devices register them. */
const PUSH_TOKEN = /Expo(?:nent)?PushToken\[[^\]]*\]/g

/**
 * Free text with every email address, phone number and push token in it
 * masked: failure reasons and stack traces quote what a provider refused.
 */
export function maskText (text: string): string {
  return text
    .replace(EMAIL, (m) => maskEmail(m))
    .replace(PHONE, (m) => m.replace(/\D/g, '').length >= 7 ? maskPhone(m) : m)
    .replace(PUSH_TOKEN, (m) => maskSecret(m))
}

/** A copy of a JSON-like value with {@link maskText} applied to every string. */
export function maskDeep (value: unknown): unknown {
  if (typeof value === 'string') return maskText(value)
  if (Array.isArray(value)) return value.map(maskDeep)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, maskDeep(item)])
  )
}
