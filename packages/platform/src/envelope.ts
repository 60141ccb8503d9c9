import type { Readable } from 'node:stream'

/** The platform's JSON envelope: `{status, message?, data?}`. */
export type Envelope = Record<string, unknown>

/**
 * Reads a response body as UTF-8, refusing more than `limit` bytes so a
 * runaway upstream cannot exhaust memory.
 */
export async function readLimitedText (
  body: Readable, limit: number
): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    const buffer: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
    size += buffer.length
    if (size > limit) {
      body.destroy()
      throw new RangeError(`platform answer exceeds ${limit} bytes`)
    }
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function isEnvelope (value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Parses a body into an envelope; throws if it is not a JSON object. */
export function parseEnvelope (text: string): Envelope {
  const value: unknown = JSON.parse(text)
  if (!isEnvelope(value)) {
    throw new TypeError('platform answer is not a JSON object')
  }
  return value
}

/** Like {@link parseEnvelope}, but null when the body is no envelope. */
export function tryParseEnvelope (text: string): Envelope | null {
  try {
    return parseEnvelope(text)
  } catch {
    // Error bodies are read only for their message; a proxy's HTML page
    // must not hide the status, so a bad body just means "no message".
    return null
  }
}

/** The `data` of a success envelope; throws on any other shape. */
export function successData (envelope: Envelope): unknown {
  if (envelope['status'] !== 'success') {
    throw new TypeError('platform answer status is not "success"')
  }
  return envelope['data']
}

/** The envelope's non-empty `message`, if any. */
export function messageOf (envelope: Envelope | null): string | undefined {
  const message = envelope?.['message']
  if (typeof message !== 'string') return undefined
  const trimmed = message.trim()
  return trimmed === '' ? undefined : trimmed
}
