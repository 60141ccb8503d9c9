import type { AddressObject, ParsedMail } from 'mailparser'

/** The SMTP envelope of one transaction (MAIL FROM and RCPT TO). */
export interface SinkEnvelope {
  mailFrom: string
  rcptTo: string[]
}

/** A message the sink accepted, parsed. */
export interface SinkMessage {
  /** Address of the `From` header (no display name), `''` if absent. */
  from: string
  /** Addresses of the `To` header(s), groups flattened. */
  to: string[]
  subject: string
  text: string
  /** `''` when the message has no HTML part. */
  html: string
  /** `Message-ID` header, angle brackets included, `''` if absent. */
  messageId: string
  /** Parsed headers keyed by lower-case name, as mailparser gives them. */
  headers: Map<string, unknown>
  /** The message exactly as received after DATA. */
  raw: string
  envelope: SinkEnvelope
}

/** Shape a mailparser result into a {@link SinkMessage}. */
export function toSinkMessage (
  parsed: ParsedMail,
  raw: string,
  envelope: SinkEnvelope
): SinkMessage {
  return {
    from: addressesOf(parsed.from)[0] ?? '',
    to: addressesOf(parsed.to),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    messageId: parsed.messageId ?? '',
    headers: new Map<string, unknown>(parsed.headers),
    raw,
    envelope
  }
}

type AddressHeader = AddressObject | AddressObject[] | undefined

function addressesOf (header: AddressHeader): string[] {
  if (header === undefined) return []
  const objects = Array.isArray(header) ? header : [header]
  return objects.flatMap((object) => flatten(object.value))
}

interface Mailbox { address?: string; group?: Mailbox[] }

function flatten (entries: Mailbox[]): string[] {
  return entries.flatMap((entry) => {
    if (entry.group !== undefined) return flatten(entry.group)
    return entry.address === undefined ? [] : [entry.address]
  })
}
