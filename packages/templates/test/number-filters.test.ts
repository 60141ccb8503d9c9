import t from 'tap'
import { caught, expectRenders, render } from './helpers.js'
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

t.test('divisibleby applies int() to both sides', async (t) => {
  const rows: Row[] = [
    ['{{ v|divisibleby:3 }}', { v: 21 }, 'True'],
    ['{{ v|divisibleby:3 }}', { v: 22 }, 'False'],
    ['{{ v|divisibleby:3 }}', { v: -9 }, 'True'],
    ['{{ v|divisibleby:3 }}', { v: 0 }, 'True'],
    ['{{ v|divisibleby:"5" }}', { v: '10' }, 'True'],
    ['{{ v|divisibleby:2 }}', { v: ' 1_000 ' }, 'True'],
    ['{{ v|divisibleby:2 }}', { v: 4.9 }, 'True'],
    ['{{ v|divisibleby:2.5 }}', { v: 4 }, 'True'],
    ['{{ v|divisibleby:3 }}', { v: 2n ** 53n + 1n }, 'True'],
    ["{{ v|divisibleby:2|yesno:'even,odd' }}", { v: 7 }, 'odd']
  ]
  await expectRenders(t, rows)
})

t.test('divisibleby fails where int() or % raises', async (t) => {
  const zero = 'divisibleby: integer modulo by zero'
  const notInt = 'divisibleby: int() cannot convert'
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['{{ v|divisibleby:0 }}', { v: 10 }, zero],
    ["{{ v|divisibleby:'0' }}", { v: 10 }, zero],
    ['{{ v|divisibleby:2 }}', { v: '1.5' }, `${notInt} '1.5'`],
    ['{{ v|divisibleby:2 }}', { v: null }, `${notInt} None`],
    ['{{ v|divisibleby:2 }}', {}, `${notInt} ''`]
  ]
  for (const [template, context, message] of cases) {
    const err = await caught(t, () => render(template, context))
    t.equal(err?.code, 'HERALD_ERR_TEMPLATE_RENDER')
    t.equal(err?.message, message)
  }
})
