import t from 'tap'
import { shapeProblem, textProblem } from '../src/lib/body-shape.js'

t.test('nesting counts objects and arrays, not scalars', async (t) => {
  t.equal(shapeProblem({ a: { b: [1] } }, 3), null)
  t.same(shapeProblem({ a: { b: [[1]] } }, 3), { kind: 'too-deep' })
  t.equal(shapeProblem('text', 0), null)
  const deep = JSON.parse('['.repeat(10_000) + ']'.repeat(10_000)) as unknown
  t.same(shapeProblem(deep, 64), { kind: 'too-deep' })
})

t.test('text PostgreSQL cannot store is named by its path', async (t) => {
  const cases: Array<[unknown, string, string]> = [
    [{ data: { note: 'a\u0000b' } }, 'data.note', 'Null characters are not allowed.'],
    [{ data: { ['k\u0000']: 1 } }, 'data.k\u0000', 'Null characters are not allowed.'],
    [{ list: ['ok', '\uD800'] }, 'list.1', 'Enter valid Unicode text.'],
    [{ name: 'x\uDC00' }, 'name', 'Enter valid Unicode text.'],
    ['\u0000', 'body', 'Null characters are not allowed.']
  ]
  for (const [value, field, message] of cases) {
    t.same(shapeProblem(value, 64), { kind: 'text', field, message }, field)
  }
})

t.test('well-formed text passes, astral characters and right-to-left included', async (t) => {
  for (const text of ['plain', 'عائشة', '😀 ok', '\uD83D\uDE00', 'tab\tand\nnewline', '']) {
    t.equal(textProblem(text), null, JSON.stringify(text))
  }
  t.equal(shapeProblem({ name: 'Zoë 😀', n: [1, 2, { x: 'ok' }] }, 64), null)
})
