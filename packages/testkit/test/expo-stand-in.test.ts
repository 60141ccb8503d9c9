import t from 'tap'
import type { Test } from 'tap'
import { startExpoStandIn, type ExpoStandIn } from '../src/index.js'

async function expoFor (t: Test, accessToken?: string): Promise<ExpoStandIn> {
  const expo = await startExpoStandIn(accessToken ? { accessToken } : {})
  t.teardown(() => expo.close())
  return expo
}

interface Result { status: string, id?: string, details?: { error: string } }

async function post (expo: ExpoStandIn, path: string, body: unknown, token?: string) {
  const res = await fetch(`${expo.url}/--/api/v2/push/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {})
    },
    body: JSON.stringify(body)
  })
  return { status: res.status, data: ((await res.json()) as { data: unknown }).data }
}

/** The first ticket of a list answer. */
function firstTicket (data: unknown): Result {
  const ticket = (data as Result[])[0]
  if (!ticket) throw new Error('no ticket')
  return ticket
}

const token = 'ExponentPushToken[abc]'

t.test('tickets for a list, then receipts by ticket id', async (t) => {
  const expo = await expoFor(t)
  const sent = await post(expo, 'send', [{ to: token, title: 'T', body: 'B' }])
  t.equal(sent.status, 200)
  const ticket = firstTicket(sent.data)
  t.equal(ticket.status, 'ok')
  t.same(expo.messages.map((m) => [m.to, m.title, m.body]), [[token, 'T', 'B']])
  const receipts = await post(expo, 'getReceipts', { ids: [ticket.id] })
  t.same(receipts.data, { [ticket.id ?? '']: { status: 'ok' } })
})

t.test('an unregistered token gets a DeviceNotRegistered ticket', async (t) => {
  const expo = await expoFor(t)
  expo.unregister(token)
  const sent = await post(expo, 'send', { to: token, body: 'B' })
  t.match(sent.data, { status: 'error', details: { error: 'DeviceNotRegistered' } })
  t.equal(expo.messages.length, 0)
})

t.test('failReceipt: ok ticket, error receipt; held receipts are absent', async (t) => {
  const expo = await expoFor(t)
  expo.failReceipt(token)
  const ticket = firstTicket((await post(expo, 'send', [{ to: token, body: 'B' }])).data)
  const ask = () => post(expo, 'getReceipts', { ids: [ticket.id] })
  expo.holdReceipts(true)
  t.same((await ask()).data, {})
  expo.holdReceipts(false)
  t.match((await ask()).data, {
    [ticket.id ?? '']: { status: 'error', details: { error: 'DeviceNotRegistered' } }
  })
})

t.test('an access token, when configured, is required', async (t) => {
  const expo = await expoFor(t, 'secret-token')
  t.equal((await post(expo, 'send', [{ to: token, body: 'B' }])).status, 401)
  t.equal((await post(expo, 'send', [{ to: token, body: 'B' }], 'secret-token')).status, 200)
})
