import { convert } from 'html-to-text'
import type { Company, Delivery } from '@herald/db'
import { NoSenderError } from '../errors.js'

/**
 * The sender: the notification's `from_email`, else the company's system
 * email, else the given fallback (provider account or configuration).
 * With none of them there is no message to send: RFC 5322 requires a
 * From, and a message without one is refused or binned downstream.
 */
export function senderOf (
  delivery: Delivery,
  company: Company,
  fallback: string
): string {
  const sender = delivery.fromEmail || company.systemEmail || fallback
  if (!sender.trim()) throw new NoSenderError()
  return sender
}

/** The plain-text part: the rendered text, else one derived from the HTML. */
export function plainTextOf (delivery: Delivery): string {
  if (delivery.textMessage) return delivery.textMessage
  if (!delivery.htmlMessage) return ''
  return convert(delivery.htmlMessage, { wordwrap: 78 })
}

/** `Name <a@b.c>` or `a@b.c` as the parts providers' JSON APIs want. */
export function parseMailbox (value: string): { email: string, name?: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value)
  if (!match) return { email: value.trim() }
  const name = (match[1] ?? '').trim()
  const email = (match[2] ?? '').trim()
  return name ? { email, name } : { email }
}
