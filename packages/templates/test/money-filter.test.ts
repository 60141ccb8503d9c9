import t from 'tap'
import { caught, expectRenders, render } from './helpers.js'
import type { Row } from './helpers.js'

/** [amount, divisibility, expected] */
const amounts: Array<[unknown, unknown, string]> = [
  [-150075, 2, '-1500.75'],
  [150075, 2, '1500.75'],
  [0, 2, '0.00'],
  [5, 2, '0.05'],
  [-5, 2, '-0.05'],
  [150075, 0, '150075'],
  [-150075, 0, '-150075'],
  ['-150075', '2', '-1500.75'],
  [Number.MAX_SAFE_INTEGER, 2, '90071992547409.91'],
  [100000000, 8, '1.00000000'],
  [-2100000000000000, 8, '-21000000.00000000'],
  ['123456789012345678901234567890', 8,
    '1234567890123456789012.34567890'],
  [1, 18, '0.000000000000000001'],
  [-1, 18, '-0.000000000000000001'],
  ['123456789012345678901234567890', 18,
    '123456789012.345678901234567890'],
  [-(10n ** 30n) - 7n, 18, '-1000000000000.000000000000000007']
]

t.test('money places the decimal point exactly', async (t) => {
  const rows: Row[] = amounts.map(([amount, divisibility, expected]) =>
    ['{{ amount|money:divisibility }}', { amount, divisibility }, expected])
  await expectRenders(t, rows)
  await expectRenders(t, [
    ['{{ amount|money:2 }}', { amount: -150075 }, '-1500.75'],
    ['[{{ amount|money:2 }}]', {}, '[]'],
    ['[{{ amount|money:2 }}]', { amount: null }, '[]']
  ])
})

t.test('bad money arguments are typed render errors', async (t) => {
  const places = 'money: divisibility must be an integer from 0 to 18, got'
  const amount = 'money: amount must be an integer in the smallest unit, got'
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ amount: 1, d: 19 }, `${places} 19`],
    [{ amount: 1, d: -1 }, `${places} -1`],
    [{ amount: 1 }, 'Failed lookup for key [d]'],
    [{ amount: 1.5, d: 2 }, `${amount} 1.5`],
    [{ amount: 'abc', d: 2 }, `${amount} abc`]
  ]
  for (const [context, message] of cases) {
    const err = await caught(t, () =>
      render('Total:\n  {{ amount|money:d }}', context))
    t.equal(err?.code, 'HERALD_ERR_TEMPLATE_RENDER')
    t.equal(err?.message, message)
    t.same([err?.line, err?.column], [2, 3], 'points at the output')
  }
})
