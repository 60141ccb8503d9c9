import t from 'tap'
import { expectRenders } from './helpers.js'
import type { Row } from './helpers.js'

const ctx = {
  one: 1,
  zero: 0,
  yes: true,
  no: false,
  none: null,
  empty: '',
  text: 'xyz',
  list: ['a', 'b'],
  dict: { key: 'v' },
  emptyList: [],
  emptyDict: {},
  status: 'Complete'
}

/** Each condition with what Django's {% if %} decides. */
const conditions: Array<[string, boolean]> = [
  ['one', true],
  ['zero', false],
  ['empty', false],
  ['emptyList', false],
  ['emptyDict', false],
  ['none', false],
  ['missing', false],
  ['text', true],
  ['one and yes', true],
  ['one and no', false],
  ['zero or one', true],
  ['zero or no', false],
  ['not zero', true],
  ['not one', false],
  ['one == 1', true],
  ['one == "1"', false],
  ['yes == 1', true],
  ['one != 2', true],
  ['one < 2', true],
  ['one > 2', false],
  ['one <= 1', true],
  ['one >= 2', false],
  ['"b" > "a"', true],
  ['status == "Complete"', true],
  ["status == 'Pending'", false],
  ['"y" in text', true],
  ['"a" in list', true],
  ['"c" in list', false],
  ['"key" in dict', true],
  ['"c" not in list', true],
  ['"a" not in list', false],
  ['missing == None', true],
  ['none is None', true],
  ['one is not None', true],
  ['list == list', true],
  // Python precedence: `or` binds looser than `and`, `not` looser than ==.
  ['one or zero and no', true],
  ['zero and one or yes', true],
  ['not one == 2', true],
  ['not zero and one', true],
  // Python raises on these; Django's if turns the comparison into False.
  ['none < 1', false],
  ['not none < 1', true],
  ['1 in one', false],
  ['list|length == 2', true],
  ['missing|default:"x" == "x"', true]
]

t.test('conditions follow Django truthiness and precedence', async (t) => {
  const rows: Row[] = conditions.map(([condition, expected]) => [
    `{% if ${condition} %}T{% else %}F{% endif %}`,
    ctx,
    expected ? 'T' : 'F'
  ])
  await expectRenders(t, rows)
})

t.test('elif picks the first true branch, else the rest', async (t) => {
  const template = '{% if n == 1 %}one{% elif n == 2 %}two' +
    '{% elif n > 2 %}many{% else %}none{% endif %}'
  const rows: Row[] = [
    [template, { n: 1 }, 'one'],
    [template, { n: 2 }, 'two'],
    [template, { n: 7 }, 'many'],
    [template, { n: 0 }, 'none'],
    [template, {}, 'none'],
    ['{% if n %}x{% endif %}', { n: 0 }, ''],
    ['{% if a %}{% if b %}ab{% else %}a{% endif %}{% endif %}',
      { a: 1, b: 0 }, 'a']
  ]
  await expectRenders(t, rows)
})
