import t from 'tap'
import { expectRenders } from './helpers.js'
import type { Row } from './helpers.js'

/** Django's documented floatformat table, plus rounding and odd input. */
const floatformat: Array<[unknown, string, string]> = [
  [34.23234, '', '34.2'],
  [34.0, '', '34'],
  [34.26, '', '34.3'],
  [34.23234, ':3', '34.232'],
  [34.0, ':3', '34.000'],
  [34.26, ':3', '34.260'],
  [34.23234, ':"0"', '34'],
  [39.56, ':"0"', '40'],
  [34.23234, ':"-3"', '34.232'],
  [34.0, ':"-3"', '34'],
  [34.26, ':"-3"', '34.260'],
  [34232.34, ':"2g"', '34,232.34'],
  [34232.06, ':"g"', '34,232.1'],
  [2.675, ':2', '2.68'],
  [-0.01, '', '0.0'],
  [-1.25, ':1', '-1.3'],
  ['1.5', ':2', '1.50'],
  ['abc', '', ''],
  [undefined, '', ''],
  [1234567.891, ':2', '1234567.89'],
  [5, ':"x"', '5']
]

t.test('floatformat rounds half up on the decimal value', async (t) => {
  const rows: Row[] = floatformat.map(([value, arg, expected]) =>
    [`{{ v|floatformat${arg} }}`, { v: value }, expected])
  await expectRenders(t, rows)
})

t.test('add adds integers, else concatenates like Python', async (t) => {
  const rows: Row[] = [
    ['{{ v|add:"2" }}', { v: 4 }, '6'],
    ['{{ v|add:"4" }}', { v: '3' }, '7'],
    ['{{ v|add:-5 }}', { v: 3 }, '-2'],
    ['{{ v|add:"b" }}', { v: 'a' }, 'ab'],
    ['{{ v|add:w }}', { v: [1], w: [2, 3] }, '[1, 2, 3]'],
    ['[{{ v|add:"x" }}]', { v: 1 }, '[]'],
    ['{{ v|add:1 }}', { v: 1.5 }, '2']
  ]
  await expectRenders(t, rows)
})
