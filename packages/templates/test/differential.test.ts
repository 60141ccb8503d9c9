import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import {
  ConditionError, PyError, TemplateError, createRenderer, evaluateCondition,
  evaluateRendered
} from '../src/index.js'

// Generated templates and conditions, rendered by Herald and by real
// Django side by side. Needs Debian's python3-django; skipped without it
// (CI compares against the committed golden files instead).
const PYTHON = '/usr/bin/python3'
const ORACLE = fileURLToPath(new URL('./oracle/render_golden.py', import.meta.url))
const hasDjango = spawnSync(PYTHON, ['-c', 'import django'], { stdio: 'ignore' })
  .status === 0

/** A small seeded generator, so a failure can be replayed. */
function random (seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const CONTEXT = {
  s: "Tom & <Jerry> 'é' مريم",
  n: 42,
  neg: -7,
  f: 3.14159,
  amount: -150075,
  l: ['b', 'a', '<c>'],
  nums: [3, 1, 2],
  d: { k: 'v', n: 1 },
  none: null,
  t: true,
  empty: '',
  ts: 1719500100850,
  user: { first_name: 'Lina', groups: [{ name: 'individual' }] }
}

const VALUES = [
  's', 'n', 'neg', 'f', 'amount', 'l', 'nums', 'd', 'none', 't', 'empty',
  'missing', 'user.first_name', 'user.groups.0.name', 'l.1', "'lit<>'", '5',
  '-2', '1.5'
]
const FILTERS = [
  'upper', 'lower', 'title', 'capfirst', 'length', 'first', 'last',
  "default:'x'", "default_if_none:'-'", 'yesno', "yesno:'a,b,c'",
  'floatformat', 'floatformat:2', "floatformat:'-2'", 'truncatechars:5',
  'truncatewords:2', 'linebreaksbr', 'striptags', 'urlencode', 'add:2',
  "add:'x'", "slice:':2'", "join:', '", 'escape', 'safe', 'money:2',
  "timestamp|date:'D d M Y H:i'", 'default:n', 'pluralize',
  "pluralize:'y,ies'", 'linebreaks', 'divisibleby:3', "cut:' '", 'wordcount'
]
const OPS = ['==', '!=', '<', '>=', 'in', 'not in']

function pick<T> (next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T
}

function expression (next: () => number): string {
  let text = pick(next, VALUES)
  const count = Math.floor(next() * 3)
  for (let i = 0; i < count; i++) text += `|${pick(next, FILTERS)}`
  return text
}

function condition (next: () => number): string {
  const roll = next()
  if (roll < 0.3) return expression(next)
  if (roll < 0.45) return `not ${expression(next)}`
  const left = `${expression(next)} ${pick(next, OPS)} ${expression(next)}`
  if (roll < 0.8) return left
  return `${left} ${pick(next, ['and', 'or'])} not ${expression(next)}`
}

function template (next: () => number, depth = 0): string {
  const parts: string[] = []
  const count = 1 + Math.floor(next() * 3)
  for (let i = 0; i < count; i++) {
    const roll = depth > 1 ? next() * 0.5 : next()
    if (roll < 0.15) parts.push(pick(next, ['Hi ', ' & ', '<b>', '\n', '{ x }']))
    else if (roll < 0.5) parts.push(`{{ ${expression(next)} }}`)
    else if (roll < 0.7) {
      parts.push(`{% if ${condition(next)} %}${template(next, depth + 1)}` +
        `{% else %}${template(next, depth + 1)}{% endif %}`)
    } else if (roll < 0.85) {
      parts.push(`{% for x in ${pick(next, ['l', 'nums', 's', 'd', 'missing'])} %}` +
        `{{ forloop.counter }}{{ x|${pick(next, FILTERS)} }}{% empty %}-{% endfor %}`)
    } else {
      parts.push(`{% with a=${expression(next)} %}[{{ a }}]{% endwith %}`)
    }
  }
  return parts.join('')
}

const LITERALS = [
  '0', '1', '-3', '2.5', "'a'", "'abc'", "''", 'True', 'False', 'None',
  '[1, 2]', "('a', 'b')", '()', '[]', '10000000000000000000001'
]
const PY_OPS = [
  '==', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'is', 'is not', '+',
  '-', '*', '//', '%', '/', 'and', 'or'
]

function pyExpression (next: () => number, depth = 0): string {
  const roll = next()
  if (depth > 2 || roll < 0.35) return pick(next, LITERALS)
  if (roll < 0.5) return `not ${pyExpression(next, depth + 1)}`
  if (roll < 0.6) return `(${pyExpression(next, depth + 1)})`
  return `${pyExpression(next, depth + 1)} ${pick(next, PY_OPS)} ` +
    pyExpression(next, depth + 1)
}

interface OracleAnswer {
  templates: Array<{ output?: string, error?: string }>
  conditions: Array<{ result: boolean, error: string | null }>
}

function oracle (request: object): OracleAnswer {
  const run = spawnSync(PYTHON, [ORACLE, '--stdin'], {
    input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024
  })
  if (run.status !== 0) throw new Error(`oracle failed: ${run.stderr}`)
  return JSON.parse(run.stdout) as OracleAnswer
}

const options = hasDjango ? {} : { skip: 'python3-django is not installed' }

t.test('generated templates render as Django renders them', options, async (t) => {
  const next = random(20261203)
  const cases = Array.from({ length: 300 }, (_, i) => ({
    name: String(i), template: template(next), autoescape: next() < 0.5,
    context: CONTEXT
  }))
  const answer = oracle({ templates: cases })
  const renderer = createRenderer()
  for (const [i, c] of cases.entries()) {
    const django = answer.templates[i]
    let ours: { output?: string, error?: string }
    try {
      ours = { output: await renderer.render(c.template, c.context, c) }
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err
      ours = { error: err.code === 'HERALD_ERR_TEMPLATE_SYNTAX' ? 'syntax' : 'render' }
    }
    const want = django?.error === undefined
      ? { output: django?.output }
      : { error: django.error }
    t.same(ours, want, `${c.template} (autoescape ${String(c.autoescape)})`)
  }
})

t.test('generated conditions evaluate as Python evaluates them', options, async (t) => {
  const next = random(7)
  const expressions = Array.from({ length: 300 }, () => pyExpression(next))
  const answer = oracle({
    conditions: expressions.map((expression, i) => ({ name: String(i), expression }))
  })
  const renderer = createRenderer()
  for (const [i, expression] of expressions.entries()) {
    const python = answer.conditions[i]
    const ours = await evaluateCondition(renderer, expression, {})
    const error = ours.error instanceof ConditionError ? ours.error.pythonError : null
    t.same({ send: ours.send, failed: error !== null },
      { send: python?.result, failed: python?.error !== null }, expression)
    if (python?.error === null) {
      t.doesNotThrow(() => evaluateRendered(expression), expression)
    } else if (error !== null) {
      t.equal(error, python?.error, `${expression}: same exception`)
    }
  }
  t.ok(PyError)
})
