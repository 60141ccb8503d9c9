/** E.164: a plus, a non-zero country digit, at most 15 digits in all. */
const E164 = /^\+[1-9]\d{6,14}$/

/** Separators people type in numbers; they carry no meaning. */
const SEPARATORS = /[\s().-]/g

/** `+1 (555) 010-0777` → `+15550100777`; other text is left as is. */
export function normalizeNumber (value: string): string {
  return value.trim().replace(SEPARATORS, '')
}

/** True for a number Twilio accepts as `To`: E.164, separators removed. */
export function isE164 (value: string): boolean {
  return E164.test(value)
}
