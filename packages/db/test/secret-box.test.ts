import t from 'tap'
import { SecretBox, SecretBoxError } from '../src/index.js'

const keyA = Buffer.alloc(32, 1).toString('base64')
const keyB = Buffer.alloc(32, 2).toString('base64')

t.test('a sealed secret opens to the same text and never shows it', async (t) => {
  const box = new SecretBox(keyA)
  const sealed = box.seal('service-token-123')
  t.notMatch(sealed, 'service-token-123')
  t.equal(box.open(sealed), 'service-token-123')
  t.not(box.seal('same'), box.seal('same'), 'each seal uses a fresh nonce')
})

t.test('a tampered envelope is refused', async (t) => {
  const box = new SecretBox(keyA)
  const parts = box.seal('secret').split('.')
  parts[4] = Buffer.from('other').toString('base64url')
  t.throws(() => box.open(parts.join('.')), SecretBoxError)
  t.throws(() => box.open('plain text'), SecretBoxError)
})

t.test('rotation: old envelopes open while the old key is listed', async (t) => {
  const before = new SecretBox(keyA)
  const sealed = before.seal('token')
  const after = new SecretBox(keyB, [keyA])
  t.equal(after.open(sealed), 'token')
  t.equal(after.needsRotation(sealed), true)
  const resealed = after.seal(after.open(sealed))
  t.equal(after.needsRotation(resealed), false)
  t.throws(() => new SecretBox(keyB).open(sealed), /no encryption key/)
})

t.test('a derived secret is stable per subject and key, and differs otherwise', async (t) => {
  const box = new SecretBox(keyA)
  const secret = box.derive('webhook', 'northwind')
  t.match(secret, /^[A-Za-z0-9_-]{43}$/, '256 bits, base64url')
  t.equal(new SecretBox(keyA).derive('webhook', 'northwind'), secret)
  t.not(box.derive('webhook', 'southwind'), secret, 'another subject')
  t.not(box.derive('other', 'northwind'), secret, 'another purpose')
  t.not(new SecretBox(keyB, [keyA]).derive('webhook', 'northwind'), secret,
    'another current key')
})

t.test('a key of the wrong size is refused', async (t) => {
  t.throws(() => new SecretBox(Buffer.alloc(16).toString('base64')), SecretBoxError)
})
