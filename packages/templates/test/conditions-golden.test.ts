import t from 'tap'
import {
  ConditionError, TemplateError, createRenderer, evaluateCondition
} from '../src/index.js'
import type { ConditionResult } from '../src/index.js'
import { contextOf, inputsOf, readJson } from './golden-cases.js'
import type { ConditionCase, ConditionExpected } from './golden-cases.js'

const cases = readJson<ConditionCase[]>('conditions.cases.json')
const expected = readJson<{ django: string, cases: ConditionExpected[] }>(
  'conditions.expected.json')
const renderer = createRenderer()
const KEYS = ['name', 'expression', 'context', 'fixture', 'herald'] as const

/** Python's name of the failure, as the oracle records it. */
function errorName (result: ConditionResult): string | null {
  if (result.error === undefined) return null
  if (result.error instanceof ConditionError) {
    // IndentationError is a SyntaxError; both mean "does not parse".
    return result.error.pythonError
  }
  return result.error instanceof TemplateError ? 'TemplateError' : 'unknown'
}

t.test('the expected file was evaluated from the current cases', async (t) => {
  t.ok(cases.length >= 30, `${cases.length} condition cases`)
  t.ok(cases.filter((c) => c.name.startsWith('malformed')).length >= 10,
    'malformed ones among them')
  t.same(expected.cases.map((c) => inputsOf(c, KEYS)),
    cases.map((c) => inputsOf(c, KEYS)),
    'rerun test/oracle/render_golden.py after editing the cases')
})

t.test('conditions decide as Python eval of the Django rendering', async (t) => {
  for (const c of expected.cases) {
    const result = await evaluateCondition(renderer, c.expression, contextOf(c))
    const want = c.herald ?? { result: c.result, error: c.error }
    t.same({ send: result.send, error: errorName(result) },
      { send: want.result, error: want.error }, c.name)
    if (c.rendered !== null && c.rendered !== '') {
      t.equal(result.rendered, c.rendered, `${c.name}: rendered`)
    }
  }
})

t.test('where Herald refuses to run code, Python would have', async (t) => {
  const differing = expected.cases.filter((c) => c.herald !== undefined)
  t.ok(differing.length > 0)
  for (const c of differing) {
    t.equal(c.error, null, `${c.name}: Python ran it`)
    t.equal(c.herald?.error, 'UnsupportedError')
  }
})
