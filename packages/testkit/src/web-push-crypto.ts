import {
  createDecipheriv,
  createPublicKey,
  hkdfSync,
  verify,
  type ECDH
} from 'node:crypto'

/**
 * The receiving side of Web Push, as a browser's push service and user
 * agent implement it, built from node:crypto primitives:
 * RFC 8188 (aes128gcm content coding), RFC 8291 (Web Push encryption) and
 * RFC 8292 (VAPID).
 */

/** Raised when a push request fails a check a real push service makes. */
export class WebPushCheckError extends Error {
  readonly status: number

  constructor (status: number, message: string) {
    super(message)
    this.name = 'WebPushCheckError'
    this.status = status
  }
}

const TAG_BYTES = 16
const HEADER_BYTES = 21

function hkdf (ikm: Buffer, salt: Buffer, info: Buffer, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, length))
}

const label = (text: string): Buffer => Buffer.from(`${text}\0`, 'latin1')

/** The nonce of record `seq`: the base nonce XOR the sequence number. */
function recordNonce (base: Buffer, seq: number): Buffer {
  const nonce = Buffer.from(base)
  // byte by byte: JavaScript's ^ would cut a 48-bit value to 32 bits
  for (let i = 0, rest = seq; i < 6 && rest > 0; i++, rest = Math.floor(rest / 256)) {
    const at = nonce.length - 1 - i
    nonce[at] = (nonce[at] ?? 0) ^ (rest % 256)
  }
  return nonce
}

/** Removes the padding of a record: zeros, then the delimiter 1 or 2. */
function unpad (plain: Buffer, last: boolean): Buffer {
  let end = plain.length - 1
  while (end >= 0 && plain[end] === 0) end--
  const delimiter = plain[end]
  if (delimiter !== (last ? 2 : 1)) {
    throw new WebPushCheckError(400, 'bad record padding delimiter')
  }
  return plain.subarray(0, end)
}

function openRecord (record: Buffer, cek: Buffer, nonce: Buffer): Buffer {
  if (record.length <= TAG_BYTES) throw new WebPushCheckError(400, 'record too short')
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce)
  decipher.setAuthTag(record.subarray(record.length - TAG_BYTES))
  try {
    return Buffer.concat([
      decipher.update(record.subarray(0, record.length - TAG_BYTES)),
      decipher.final()
    ])
  } catch {
    throw new WebPushCheckError(400, 'payload failed authentication')
  }
}

/**
 * Decrypts an `aes128gcm` Web Push body for the subscription whose key
 * pair is `ua` (P-256) and auth secret `authSecret`.
 */
export function decryptWebPush (body: Buffer, ua: ECDH, authSecret: Buffer): Buffer {
  if (body.length < HEADER_BYTES) throw new WebPushCheckError(400, 'body too short')
  const salt = body.subarray(0, 16)
  const rs = body.readUInt32BE(16)
  const idlen = body.readUInt8(20)
  const senderKey = body.subarray(HEADER_BYTES, HEADER_BYTES + idlen)
  if (idlen !== 65 || rs <= TAG_BYTES + 1) {
    throw new WebPushCheckError(400, 'bad aes128gcm header')
  }
  const secret = ua.computeSecret(senderKey)
  const keyInfo = Buffer.concat([label('WebPush: info'), ua.getPublicKey(), senderKey])
  const ikm = hkdf(secret, authSecret, keyInfo, 32)
  const cek = hkdf(ikm, salt, label('Content-Encoding: aes128gcm'), 16)
  const nonce = hkdf(ikm, salt, label('Content-Encoding: nonce'), 12)
  const records = body.subarray(HEADER_BYTES + idlen)
  const parts: Buffer[] = []
  for (let seq = 0, at = 0; at < records.length; seq++, at += rs) {
    const record = records.subarray(at, at + rs)
    const last = at + rs >= records.length
    parts.push(unpad(openRecord(record, cek, recordNonce(nonce, seq)), last))
  }
  return Buffer.concat(parts)
}

/** The claims of a verified VAPID token. */
export interface VapidClaims {
  aud: string
  sub: string
  exp: number
}

/** `vapid t=<jwt>, k=<key>` (RFC 8292 §3). */
function parseVapidHeader (header: string | undefined): { t: string, k: string } {
  const match = /^vapid\s+(.*)$/i.exec(header ?? '')
  if (!match?.[1]) throw new WebPushCheckError(401, 'missing vapid authorization')
  const params = new Map(match[1].split(',').map((part) => {
    const [name = '', ...rest] = part.trim().split('=')
    return [name.trim(), rest.join('=').trim()] as const
  }))
  const t = params.get('t')
  const k = params.get('k')
  if (!t || !k) throw new WebPushCheckError(401, 'vapid needs t and k')
  return { t, k }
}

/** A raw uncompressed P-256 point as a verification key. */
function p256Key (raw: Buffer) {
  if (raw.length !== 65 || raw[0] !== 4) {
    throw new WebPushCheckError(401, 'vapid key is not an uncompressed P-256 point')
  }
  return createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33).toString('base64url')
    },
    format: 'jwk'
  })
}

function decodeJson (part: string): Record<string, unknown> {
  try {
    const text = Buffer.from(part, 'base64url').toString('utf8')
    return JSON.parse(text) as Record<string, unknown>
  } catch {
    throw new WebPushCheckError(401, 'vapid token is not JSON')
  }
}

function checkClaims (claims: Record<string, unknown>, audience: string): VapidClaims {
  const { aud, sub, exp } = claims
  const now = Date.now() / 1000
  if (aud !== audience) throw new WebPushCheckError(403, `vapid aud is not ${audience}`)
  if (typeof exp !== 'number' || exp <= now || exp > now + 24 * 3600) {
    throw new WebPushCheckError(403, 'vapid exp outside the next 24 hours')
  }
  if (typeof sub !== 'string' || !/^(mailto:|https:)/.test(sub)) {
    throw new WebPushCheckError(403, 'vapid sub must be mailto: or https:')
  }
  return { aud, sub, exp }
}

/**
 * Verifies a VAPID Authorization header: the key is the one the
 * subscription was made with, the ES256 signature holds, and the claims
 * name this push service (`aud`), a contact (`sub`) and an expiry within
 * a day (`exp`).
 */
export function verifyVapid (
  header: string | undefined,
  expectedKey: string,
  audience: string
): VapidClaims {
  const { t, k } = parseVapidHeader(header)
  if (k !== expectedKey) {
    throw new WebPushCheckError(403, 'vapid key does not match the subscription')
  }
  const [head = '', payload = '', signature = ''] = t.split('.')
  const alg = decodeJson(head).alg
  if (alg !== 'ES256') throw new WebPushCheckError(401, 'vapid alg must be ES256')
  const valid = verify(
    'sha256',
    Buffer.from(`${head}.${payload}`),
    { key: p256Key(Buffer.from(k, 'base64url')), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url')
  )
  if (!valid) throw new WebPushCheckError(401, 'vapid signature does not verify')
  return checkClaims(decodeJson(payload), audience)
}
