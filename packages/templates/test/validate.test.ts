import t from 'tap'
import { TemplateSyntaxError, createRenderer } from '../src/index.js'
import { caught } from './helpers.js'

/** [source, line, column, message] of each invalid template. */
const invalid: Array<[string, number, number, string]> = [
  ['Hello\n  {% if user.first_name %}{{ user.first_name }}', 2, 3,
    "Unclosed tag '{% if user.first_name %}', expected 'endif'"],
  ['Hi {{ name }},\nthanks {% frobnicate %}', 2, 8,
    "Invalid block tag: 'frobnicate'"],
  ['{% assign x = 1 %}', 1, 1, "Invalid block tag: 'assign'"],
  ['{% include "/etc/passwd" %}', 1, 1, "Invalid block tag: 'include'"],
  ['ok\n{% endif %}', 2, 1, "Invalid block tag: 'endif'"],
  ['{% for x in items %}{{ x }}', 1, 1,
    "Unclosed tag '{% for x in items %}', expected 'endfor'"],
  ['{% for x items %}{% endfor %}', 1, 1,
    "'for' statements should have at least four words"],
  ['{% for x of items %}{% endfor %}', 1, 1,
    "'for' statements should use the format 'for x in y'"],
  ['{% with %}{% endwith %}', 1, 1,
    "'with' expected at least one variable assignment"],
  ['{{ name|upcase }}', 1, 1, "Invalid filter: 'upcase'"],
  ['{% if %}{% endif %}', 1, 1, 'Unexpected end of expression in if tag.'],
  ['{% if a b %}{% endif %}', 1, 1, "Unused 'b' at end of if expression."],
  ['{% if a and %}{% endif %}', 1, 1,
    'Unexpected end of expression in if tag.'],
  ['{% if == a %}{% endif %}', 1, 1,
    "Not expecting '==' in this position in if tag."],
  ['{% if a %}{% else %}{% elif b %}{% endif %}', 1, 21,
    "'elif' after 'else' in 'if'"],
  ['{% if a %}\n{% elif or %}{% endif %}', 2, 1,
    "Not expecting 'or' in this position in if tag."],
  ['{# one #}{% bad %}', 1, 10, "Invalid block tag: 'bad'"]
]

t.test('validate reports the line and column of the problem', async (t) => {
  const renderer = createRenderer()
  for (const [source, line, column, message] of invalid) {
    const err = await caught(t, () => { renderer.validate(source) })
    t.ok(err instanceof TemplateSyntaxError, source)
    t.match(err, {
      code: 'HERALD_ERR_TEMPLATE_SYNTAX', statusCode: 400, line, column, message
    }, source)
    t.ok(err?.cause, 'keeps the LiquidJS error as cause')
  }
})

t.test('render throws the same syntax error', async (t) => {
  const renderer = createRenderer()
  const err = await caught(t, () => renderer.render('{% if x %}', {}))
  t.match(err, { code: 'HERALD_ERR_TEMPLATE_SYNTAX', line: 1, column: 1 })
})

t.test('valid templates pass validation', async (t) => {
  const renderer = createRenderer()
  const valid = [
    'plain text',
    '{{ a.b|default:"x"|upper }}',
    '{% if a and not b or c in d %}{% elif e %}{% else %}{% endif %}',
    '{% for x in y reversed %}{{ forloop.counter }}{% empty %}{% endfor %}',
    '{% with a=b c="d" %}{% endwith %}{# note #}{% comment %}{% endcomment %}'
  ]
  for (const source of valid) {
    t.doesNotThrow(() => { renderer.validate(source) }, source)
  }
})
