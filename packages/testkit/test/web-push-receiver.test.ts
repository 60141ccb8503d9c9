import webpush from 'web-push'
import t from 'tap'
import type { Test } from 'tap'
import { startWebPushReceiver, type WebPushReceiver } from '../src/index.js'

async function receiverFor (t: Test): Promise<WebPushReceiver> {
  const receiver = await startWebPushReceiver()
  t.teardown(() => receiver.close())
  return receiver
}

/** Posts what web-push would send, so the test controls the transport. */
async function push (
  subscription: webpush.PushSubscription,
  payload: string,
  vapid: webpush.VapidKeys,
  change: (headers: Record<string, string>) => void = () => {}
): Promise<number> {
  const details = webpush.generateRequestDetails(subscription, payload, {
    TTL: 60,
    contentEncoding: 'aes128gcm',
    vapidDetails: { subject: 'mailto:ops@herald.test', ...vapid }
  })
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(details.headers)) {
    if (k.toLowerCase() !== 'content-length') headers[k] = String(v)
  }
  change(headers)
  const res = await fetch(details.endpoint, {
    method: 'POST', headers, body: details.body ?? new Uint8Array()
  })
  await res.arrayBuffer()
  return res.status
}

t.test('verifies VAPID and decrypts an aes128gcm payload from web-push', async (t) => {
  const receiver = await receiverFor(t)
  const vapid = webpush.generateVAPIDKeys()
  const sub = receiver.subscribe(vapid.publicKey)
  const text = JSON.stringify({ title: 'Paid', body: 'ünïcode ✓ '.repeat(50) })
  t.equal(await push(sub, text, vapid), 201)
  const [message] = receiver.messages
  t.equal(message?.payload, text)
  t.equal(message?.ttl, 60)
  t.equal(message?.vapid.aud, receiver.url)
  t.equal(message?.vapid.sub, 'mailto:ops@herald.test')
})

t.test('a token signed by another key is refused with 403', async (t) => {
  const receiver = await receiverFor(t)
  const sub = receiver.subscribe(webpush.generateVAPIDKeys().publicKey)
  t.equal(await push(sub, 'x', webpush.generateVAPIDKeys()), 403)
  t.same(receiver.refusals, ['vapid key does not match the subscription'])
  t.equal(receiver.messages.length, 0)
})

t.test('a tampered signature is refused with 401', async (t) => {
  const receiver = await receiverFor(t)
  const vapid = webpush.generateVAPIDKeys()
  const sub = receiver.subscribe(vapid.publicKey)
  const status = await push(sub, 'x', vapid, (headers) => {
    const auth = headers.Authorization ?? ''
    headers.Authorization = auth.replace(/t=([^.]+)\.([^.]+)\./, (_m, h: string) =>
      `t=${h}.${Buffer.from('{"aud":"x","exp":1,"sub":"mailto:a@b.c"}').toString('base64url')}.`)
  })
  t.equal(status, 401)
  t.same(receiver.refusals, ['vapid signature does not verify'])
})

t.test('a body encrypted for another subscription fails to decrypt', async (t) => {
  const receiver = await receiverFor(t)
  const vapid = webpush.generateVAPIDKeys()
  const sub = receiver.subscribe(vapid.publicKey)
  const other = receiver.subscribe(vapid.publicKey)
  const status = await push({ ...sub, keys: other.keys }, 'secret', vapid)
  t.equal(status, 400)
  t.same(receiver.refusals, ['payload failed authentication'])
})

t.test('an expired endpoint answers 410, an unknown one 404', async (t) => {
  const receiver = await receiverFor(t)
  const vapid = webpush.generateVAPIDKeys()
  const sub = receiver.subscribe(vapid.publicKey)
  receiver.expire(sub.endpoint)
  t.equal(await push(sub, 'x', vapid), 410)
  const unknown = { ...sub, endpoint: `${receiver.url}/push/nobody` }
  t.equal(await push(unknown, 'x', vapid), 404)
  t.equal(receiver.attempts, 2)
})

t.test('a forgotten endpoint answers 404 and receives nothing', async (t) => {
  const receiver = await receiverFor(t)
  const vapid = webpush.generateVAPIDKeys()
  const sub = receiver.subscribe(vapid.publicKey)
  receiver.forget(sub.endpoint)
  t.equal(await push(sub, 'x', vapid), 404)
  t.same([receiver.attempts, receiver.messages.length], [1, 0])
})
