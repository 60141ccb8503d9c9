import t from 'tap'
import { expectRenders } from './helpers.js'
import type { Row } from './helpers.js'

t.test('comments render nothing', async (t) => {
  const rows: Row[] = [
    ['a{# note #}b', {}, 'ab'],
    ['a{##}b', {}, 'ab'],
    ['a{#{{ x }} {% if %}#}b', {}, 'ab'],
    ['a{# one #}{{ x }}{# two #}b', { x: '-' }, 'a-b'],
    ['a{% comment %}{{ x }} {% if y %}{% endcomment %}b', {}, 'ab'],
    ['a{% comment "why" %}\nhidden\n{% endcomment %}b', {}, 'ab'],
    // Django's {# #} never spans lines: this stays text.
    ['a{# x\ny #}b', {}, 'a{# x\ny #}b']
  ]
  await expectRenders(t, rows)
})
