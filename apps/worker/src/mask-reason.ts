import { maskEmail, maskPhone } from '@herald/log'

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[A-Za-z]{2,}/g
/** An international number as providers quote it: a plus and 7+ digits. */
const PHONE = /\+\d[\d\s().-]{5,}\d/g

/**
 * A failure reason fit for logs: providers quote the address or number
 * they refused, and logs must not carry either in full.
 */
export function maskReason (reason: string): string {
  return reason.replace(EMAIL, (m) => maskEmail(m)).replace(PHONE, (m) =>
    m.replace(/\D/g, '').length >= 7 ? maskPhone(m) : m)
}
