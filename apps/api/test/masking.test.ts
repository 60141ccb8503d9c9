import t from 'tap'
import { maskDeep, maskText } from '../src/lib/mask-text.js'
import { maskUrl } from '../src/lib/log-serializers.js'
import { bearerAllows } from '../src/lib/bearer.js'

const texts: Array<[string, string]> = [
  ['550 <lina.okafor@example.org> unknown', '550 <l***@e***.org> unknown'],
  ['to +15550100777, then +44 20 7946 0958', 'to +1*******777, then +4********958'],
  ['ExponentPushToken[abcdefghij0123456789] gone', 'Expo… gone'],
  ['order 12345 at 10:30, 3 items', 'order 12345 at 10:30, 3 items'],
  ['', '']
]

for (const [input, expected] of texts) {
  t.test(`maskText(${JSON.stringify(input.slice(0, 24))})`, async (t) => {
    t.equal(maskText(input), expected)
  })
}

t.test('maskDeep masks every string and keeps the shape', async (t) => {
  t.same(maskDeep({
    id: 'delivery-1', n: 3, ok: true, none: null,
    reason: 'no <a.b@c.io>', list: ['+15550100777', { to: 'x@y.org' }]
  }), {
    id: 'delivery-1', n: 3, ok: true, none: null,
    reason: 'no <a***@c***.io>', list: ['+1*******777', { to: 'x***@y***.org' }]
  })
})

t.test('maskUrl masks query values, keeps paths and names', async (t) => {
  t.equal(maskUrl('/api/admin/logs/'), '/api/admin/logs/')
  t.equal(maskUrl('/api/admin/logs/?recipient=lina.okafor%40example.org&page=2'),
    '/api/admin/logs/?recipient=l***%40e***.org&page=2')
  t.equal(maskUrl('/x?recipient__contains=0100777'), '/x?recipient__contains=0***777')
})

t.test('bearerAllows needs the exact token when one is set', async (t) => {
  t.equal(bearerAllows(undefined, ''), true, 'no token asked for')
  t.equal(bearerAllows(undefined, 'tok'), false)
  t.equal(bearerAllows('Bearer tok', 'tok'), true)
  t.equal(bearerAllows('bearer  tok ', 'tok'), true)
  t.equal(bearerAllows('Bearer to', 'tok'), false)
  t.equal(bearerAllows('Token tok', 'tok'), false)
})
