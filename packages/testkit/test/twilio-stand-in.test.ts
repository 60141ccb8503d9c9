import t from 'tap'
import type { Test } from 'tap'
import { startTwilioStandIn, type TwilioStandIn } from '../src/index.js'

async function twilioFor (t: Test): Promise<TwilioStandIn> {
  const twilio = await startTwilioStandIn()
  t.teardown(() => twilio.close())
  return twilio
}

function send (
  twilio: TwilioStandIn,
  form: Record<string, string>,
  auth = `${twilio.accountSid}:${twilio.authToken}`
) {
  return fetch(`${twilio.url}/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(auth).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded'
    },
    body: new URLSearchParams(form).toString()
  })
}

t.test('accepts a form-encoded message with basic auth', async (t) => {
  const twilio = await twilioFor(t)
  const res = await send(twilio, { To: '+15550100777', From: '+15550000001', Body: 'hi' })
  t.equal(res.status, 201)
  const body = await res.json() as { sid: string, status: string }
  t.match(body.sid, /^SM[0-9a-f]{32}$/)
  t.equal(body.status, 'queued')
  t.same(twilio.messages.map((m) => [m.to, m.from, m.body]), [['+15550100777', '+15550000001', 'hi']])
})

const refusals: Array<{
  name: string, form: Record<string, string>, auth?: string, status: number, code: number
}> = [
  { name: 'a wrong token', form: { To: '+15550100777', From: '+1555', Body: 'x' }, auth: 'AC1:nope', status: 401, code: 20003 },
  { name: 'a number that is not E.164', form: { To: '0801 234', From: '+1555', Body: 'x' }, status: 400, code: 21211 },
  { name: 'no sender', form: { To: '+15550100777', Body: 'x' }, status: 400, code: 21603 },
  { name: 'no body', form: { To: '+15550100777', From: '+1555' }, status: 400, code: 21602 }
]

for (const c of refusals) {
  t.test(`refuses ${c.name} with Twilio's code`, async (t) => {
    const twilio = await twilioFor(t)
    const res = await send(twilio, c.form, c.auth)
    t.equal(res.status, c.status)
    t.match(await res.json(), { code: c.code, status: c.status })
    t.equal(twilio.messages.length, 0)
  })
}

t.test('rejectNumber refuses a well-formed number', async (t) => {
  const twilio = await twilioFor(t)
  twilio.rejectNumber('+15550100999', 21614)
  const res = await send(twilio, { To: '+15550100999', MessagingServiceSid: 'MG1', Body: 'x' })
  t.match(await res.json(), { code: 21614 })
})
