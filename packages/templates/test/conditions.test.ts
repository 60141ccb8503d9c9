import t from 'tap'
import {
  ConditionError,
  MAX_CONDITION_LENGTH,
  PyError,
  TemplateSyntaxError,
  conditionProblem,
  createRenderer,
  evaluateCondition,
  evaluateRendered
} from '../src/index.js'

const renderer = createRenderer()

t.test('an empty condition sends without rendering', async (t) => {
  t.same(await evaluateCondition(renderer, '', {}), { send: true })
  t.same(await evaluateCondition(renderer, ' \n\t', {}), { send: true })
})

t.test('a true condition sends and keeps its rendering', async (t) => {
  const result = await evaluateCondition(renderer,
    "'{{ status }}' == 'Complete'", { status: 'Complete' })
  t.same(result, { send: true, rendered: "'Complete' == 'Complete'" })
})

t.test('nothing in a condition can run code', async (t) => {
  const attempts = [
    "__import__('os').system('touch /tmp/herald-pwned')",
    "open('/etc/passwd').read()",
    '().__class__.__bases__[0].__subclasses__()',
    "'x'.__class__",
    'globals()',
    "eval('1')",
    '[c for c in ().__class__.__mro__]'
  ]
  for (const source of attempts) {
    t.throws(() => evaluateRendered(source), source)
    const result = await evaluateCondition(renderer, source, {})
    t.equal(result.send, false, source)
    t.ok(result.error instanceof ConditionError, source)
  }
})

/** The Python exception name a rendered condition raises. */
function raised (rendered: string): string | undefined {
  try {
    evaluateRendered(rendered)
    return undefined
  } catch (err) {
    return err instanceof PyError ? err.pythonError : String(err)
  }
}

t.test('size and nesting are bounded', async (t) => {
  const long = `'${'a'.repeat(MAX_CONDITION_LENGTH)}' == ''`
  t.equal(raised(long), 'MemoryError')
  const deep = `${'('.repeat(150)}1${')'.repeat(150)}`
  t.equal(raised(deep), 'SyntaxError')
  t.equal(raised("'ab' * 100000 == ''"), 'MemoryError')
  t.equal(evaluateRendered("'ab' * 3 == 'ababab'"), true)
})

t.test('a failure carries a reason for the delivery log', async (t) => {
  const rendered = await evaluateCondition(renderer, '{{ amount }} > 5', {})
  t.equal(rendered.send, false)
  t.equal(rendered.rendered, ' > 5')
  t.match(rendered.error, {
    code: 'HERALD_ERR_CONDITION_FAILED', pythonError: 'SyntaxError'
  })
  const broken = await evaluateCondition(renderer, '{% if %}', {})
  t.equal(broken.send, false)
  t.ok(broken.error instanceof TemplateSyntaxError)
})

t.test('variables the condition lacks are reported', async (t) => {
  const missing = new Set<string>()
  await evaluateCondition(renderer,
    "'{{ status }}' == '{{ user.tier }}'", { user: {} }, missing)
  t.same([...missing].sort(), ['status', 'user.tier'])
})

t.test('save-time validation of conditions', async (t) => {
  const valid = [
    '',
    "'{{ status }}' == 'Complete' and '{{ tx_type }}' == 'credit'",
    '{{ amount }} < 0',
    '{{ amount }}.5 > 1',
    '{# note #} {{ a }} in (1, 2)',
    '{% if a %}True{% else %}False{% endif %}'
  ]
  for (const expression of valid) {
    t.equal(conditionProblem(renderer, expression), undefined, expression)
  }
  t.match(conditionProblem(renderer, "'{{ a }}' == "),
    /^Invalid condition: SyntaxError: /)
  t.match(conditionProblem(renderer, '1 && 2'), /^Invalid condition: /)
  t.equal(conditionProblem(renderer, '{% if %}'),
    'Invalid template at line 1, column 1: ' +
    'Unexpected end of expression in if tag.')
})
