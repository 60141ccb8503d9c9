import t from 'tap'
import { checkEndpoint, isInternalHost } from '../src/lib/push-endpoint.js'

t.test('hosts of this machine and of private networks are internal', async (t) => {
  const internal = ['localhost', 'push.localhost', '127.0.0.1', '127.9.9.9', '10.1.2.3',
    '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '0.0.0.0', '[::1]', '[::]', '[fe80::1]', '[fd00::1]', '[::ffff:127.0.0.1]']
  for (const host of internal) t.equal(isInternalHost(host), true, host)
  const external = ['fcm.googleapis.com', 'updates.push.services.mozilla.com',
    '8.8.8.8', '172.32.0.1', '[2001:4860:4860::8888]', 'localhost.example.com']
  for (const host of external) t.equal(isInternalHost(host), false, host)
})

/** The error checkEndpoint throws, or null. */
function refusal (endpoint: string, allowLocal: boolean): unknown {
  try {
    checkEndpoint(endpoint, allowLocal)
    return null
  } catch (err) {
    return err
  }
}

t.test('only https endpoints on public hosts pass, unless local ones are allowed', async (t) => {
  t.doesNotThrow(() => checkEndpoint('https://fcm.googleapis.com/fcm/send/x', false))
  const refused: Array<[string, string]> = [
    ['https://127.0.0.1:6379/x', 'The endpoint must be a public push service.'],
    ['https://169.254.169.254/latest/meta-data', 'The endpoint must be a public push service.'],
    ['https://localhost/x', 'The endpoint must be a public push service.'],
    ['http://push.example.net/x', 'The endpoint must be an https URL.'],
    ['ftp://push.example.net/x', 'The endpoint must be an https URL.'],
    ['not a url', 'Enter a valid URL.']
  ]
  for (const [endpoint, message] of refused) {
    t.match(refusal(endpoint, false), { statusCode: 400, data: { endpoint: [message] } }, endpoint)
  }
  t.doesNotThrow(() => checkEndpoint('http://127.0.0.1:9/push/1', true))
  t.match(refusal('ftp://127.0.0.1/x', true), { statusCode: 400 })
})
