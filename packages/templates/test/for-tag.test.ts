import t from 'tap'
import { expectRenders } from './helpers.js'
import type { Row } from './helpers.js'

const items = ['a', 'b', 'c']

t.test('forloop counters', async (t) => {
  const rows: Row[] = [
    ['{% for x in items %}{{ forloop.counter }}{{ x }} {% endfor %}',
      { items }, '1a 2b 3c '],
    ['{% for x in items %}{{ forloop.counter0 }}{% endfor %}',
      { items }, '012'],
    ['{% for x in items %}{{ forloop.revcounter }}{% endfor %}',
      { items }, '321'],
    ['{% for x in items %}{{ forloop.revcounter0 }}{% endfor %}',
      { items }, '210'],
    ['{% for x in items %}{{ forloop.first }}{% endfor %}',
      { items }, 'TrueFalseFalse'],
    ['{% for x in items %}{{ x }}{% if not forloop.last %}, {% endif %}' +
      '{% endfor %}', { items }, 'a, b, c'],
    ['{% for r in rows %}{% for c in r %}{{ forloop.parentloop.counter }}' +
      '.{{ forloop.counter }} {% endfor %}{% endfor %}',
    { rows: [[1, 2], [3]] }, '1.1 1.2 2.1 ']
  ]
  await expectRenders(t, rows)
})

t.test('{% empty %} renders for empty and missing sequences', async (t) => {
  const template = '{% for x in items %}{{ x }}{% empty %}none{% endfor %}'
  const rows: Row[] = [
    [template, { items: [] }, 'none'],
    [template, {}, 'none'],
    [template, { items: null }, 'none'],
    [template, { items: ['x'] }, 'x'],
    ['{% for x in items %}{{ x }}{% endfor %}', {}, '']
  ]
  await expectRenders(t, rows)
})

t.test('sequences iterate as in Python', async (t) => {
  const rows: Row[] = [
    ['{% for x in items reversed %}{{ x }}{% endfor %}', { items }, 'cba'],
    ['{% for ch in word %}{{ ch }}.{% endfor %}', { word: 'Tomás' },
      'T.o.m.á.s.'],
    ['{% for k in d %}{{ k }}{% endfor %}', { d: { a: 1, b: 2 } }, 'ab'],
    ['{% for k, v in d.items %}{{ k }}={{ v }};{% endfor %}',
      { d: { a: 1, b: 2 } }, 'a=1;b=2;'],
    ['{% for a, b in pairs %}{{ a }}{{ b }} {% endfor %}',
      { pairs: [[1, 2], [3, 4]] }, '12 34 '],
    ['{% for g in user.groups %}{{ g.label }}{% endfor %}',
      { user: { groups: [{ label: 'Individual' }] } }, 'Individual'],
    ['{% for x in items|slice:":2" %}{{ x }}{% endfor %}', { items }, 'ab'],
    ['{% for x in items %}{{ x }}{% endfor %}{{ x }}|{{ forloop.counter }}',
      { items }, 'abc|']
  ]
  await expectRenders(t, rows)
})
