import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes
} from 'node:crypto'
import { SecretBoxError } from './errors.js'

const ALGORITHM = 'aes-256-gcm'
const VERSION = 'v1'

interface Key {
  id: string
  bytes: Buffer
}

function toKey (encoded: string): Key {
  const bytes = Buffer.from(encoded, 'base64')
  if (bytes.length !== 32) {
    throw new SecretBoxError('encryption key must be 32 bytes of base64')
  }
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, 8)
  return { id, bytes }
}

/**
 * Encrypts secrets stored in the database (service tokens, webhook secrets,
 * provider credentials) with AES-256-GCM from Node's crypto.
 *
 * Envelopes read `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url), so a
 * value written under an older key still opens while that key is listed in
 * `previous`, and {@link SecretBox.needsRotation} tells which to re-encrypt.
 */
export class SecretBox {
  readonly #current: Key
  readonly #keys: Map<string, Key>

  constructor (current: string, previous: readonly string[] = []) {
    this.#current = toKey(current)
    const keys = [this.#current, ...previous.map(toKey)]
    this.#keys = new Map(keys.map((key) => [key.id, key]))
  }

  seal (plaintext: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv(ALGORITHM, this.#current.bytes, iv)
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'))
    return [VERSION, this.#current.id, ...parts].join('.')
  }

  open (envelope: string): string {
    const [version, keyId, iv, tag, body] = envelope.split('.')
    if (version !== VERSION || !keyId || !iv || !tag || body === undefined) {
      throw new SecretBoxError('stored secret is not a sealed envelope')
    }
    const key = this.#keys.get(keyId)
    if (!key) throw new SecretBoxError(`no encryption key with id ${keyId}`)
    try {
      const decipher = createDecipheriv(ALGORITHM, key.bytes, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      const out = [decipher.update(Buffer.from(body, 'base64url')), decipher.final()]
      return Buffer.concat(out).toString('utf8')
    } catch (err) {
      throw new SecretBoxError('stored secret failed authentication', { cause: err })
    }
  }

  /**
   * A secret derived from the current key (HKDF-SHA256): the same for the
   * same `purpose` and `subject` for as long as that key is current, and
   * unguessable without it.
   */
  derive (purpose: string, subject: string): string {
    const bytes = hkdfSync('sha256', this.#current.bytes, purpose, subject, 32)
    return Buffer.from(bytes).toString('base64url')
  }

  /** True when the envelope was sealed with a key other than the current. */
  needsRotation (envelope: string): boolean {
    return envelope.split('.')[1] !== this.#current.id
  }
}
