import t from 'tap'
import { createRenderer, TemplateError } from '../src/index.js'
import { contextOf, inputsOf, readJson } from './golden-cases.js'
import type { TemplateCase, TemplateExpected } from './golden-cases.js'

const cases = readJson<TemplateCase[]>('templates.cases.json')
const expected = readJson<{ django: string, cases: TemplateExpected[] }>(
  'templates.expected.json')
const renderer = createRenderer()
const KEYS = ['name', 'template', 'context', 'fixture', 'autoescape'] as const

t.test('the expected file was rendered from the current cases', async (t) => {
  t.ok(cases.length >= 60, `${cases.length} golden cases`)
  t.equal(new Set(cases.map((c) => c.name)).size, cases.length,
    'case names are unique')
  t.same(expected.cases.map((c) => inputsOf(c, KEYS)),
    cases.map((c) => inputsOf(c, KEYS)),
    'rerun test/oracle/render_golden.py after editing the cases')
  t.match(expected.django, /^\d+\.\d+/)
})

interface Outcome {
  output?: string
  error?: 'syntax' | 'render'
}

async function outcome (c: TemplateCase): Promise<Outcome> {
  try {
    const output = await renderer.render(c.template, contextOf(c),
      { autoescape: c.autoescape ?? false })
    return { output }
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err
    return {
      error: err.code === 'HERALD_ERR_TEMPLATE_SYNTAX' ? 'syntax' : 'render'
    }
  }
}

t.test(`every case renders as Django ${expected.django} does`, async (t) => {
  for (const c of expected.cases) {
    const ours = await outcome(c)
    if (c.error === undefined) {
      t.equal(ours.output, c.output, c.name)
    } else {
      t.same(ours, { error: c.error }, `${c.name}: fails as Django does`)
    }
  }
})
