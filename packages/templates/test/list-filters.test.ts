import t from 'tap'
import { expectRenders } from './helpers.js'
import type { Row } from './helpers.js'

const letters = ['a', 'b', 'c']

t.test('length, first and last', async (t) => {
  const rows: Row[] = [
    ['{{ v|length }}', { v: letters }, '3'],
    ['{{ v|length }}', { v: 'Tomás' }, '5'],
    ['{{ v|length }}', { v: { a: 1 } }, '1'],
    ['{{ v|length }}', {}, '0'],
    ['{{ v|length }}', { v: 7 }, '0'],
    ['{{ v|first }}', { v: letters }, 'a'],
    ['{{ v|first }}', { v: 'Tomás' }, 'T'],
    ['[{{ v|first }}]', { v: [] }, '[]'],
    ['{{ v|last }}', { v: letters }, 'c'],
    ['{{ v|last }}', { v: 'Tomás' }, 's'],
    ['[{{ v|last }}]', { v: [] }, '[]']
  ]
  await expectRenders(t, rows)
})

t.test('join', async (t) => {
  await expectRenders(t, [
    ['{{ v|join:" // " }}', { v: letters }, 'a // b // c'],
    ['{{ v|join:"" }}', { v: 'abc' }, 'abc'],
    // Python's str.join refuses ints, and Django then returns the list.
    ['{{ v|join:"," }}', { v: [1, 2] }, '[1, 2]']
  ])
  await expectRenders(t, [
    ['{{ v|join:", " }}', { v: ['<a>', 'b&c'] }, '&lt;a&gt;, b&amp;c'],
    ['{{ v|join:sep }}', { v: ['a', 'b'], sep: '<br>' }, 'a&lt;br&gt;b'],
    ['{{ v|join:"<br>" }}', { v: ['a', 'b'] }, 'a<br>b'],
    ['{{ v|join:"," }}', { v: [1, 2] }, '1,2']
  ], { autoescape: true })
})

t.test('slice uses Python slice syntax', async (t) => {
  const rows: Row[] = [
    ['{{ v|slice:":2" }}', { v: letters }, "['a', 'b']"],
    ['{{ v|slice:"2" }}', { v: letters }, "['a', 'b']"],
    ['{{ v|slice:"1:" }}', { v: letters }, "['b', 'c']"],
    ['{{ v|slice:"-1:" }}', { v: letters }, "['c']"],
    ['{{ v|slice:"::2" }}', { v: [1, 2, 3, 4, 5] }, '[1, 3, 5]'],
    ['{{ v|slice:"::-1" }}', { v: letters }, "['c', 'b', 'a']"],
    ['{{ v|slice:"1:-1" }}', { v: 'abcdef' }, 'bcde'],
    ['{{ v|slice:"0:4" }}', { v: 'Tomás Díaz' }, 'Tomá'],
    ['{{ v|slice:"x" }}', { v: 'abc' }, 'abc'],
    ['{{ v|slice:"::0" }}', { v: 'abc' }, 'abc']
  ]
  await expectRenders(t, rows)
})
