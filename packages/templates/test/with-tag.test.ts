import t from 'tap'
import { expectRenders } from './helpers.js'
import type { Row } from './helpers.js'

t.test('{% with %} binds names for its block only', async (t) => {
  const rows: Row[] = [
    ['{% with name=user.first_name %}Hi {{ name }}{% endwith %}',
      { user: { first_name: 'Tomás' } }, 'Hi Tomás'],
    ['{% with a=1 b="two" %}{{ a }} {{ b }}{% endwith %}', {}, '1 two'],
    ['{% with total=amount|money:2 %}{{ total }}{% endwith %}',
      { amount: 1050 }, '10.50'],
    ['{% with user.first_name as name %}{{ name }}{% endwith %}',
      { user: { first_name: 'Lina' } }, 'Lina'],
    ['{% with x=1 %}{{ x }}{% endwith %}[{{ x }}]', {}, '1[]'],
    ['{% with x=2 %}{% with x=3 %}{{ x }}{% endwith %}{{ x }}{% endwith %}',
      {}, '32']
  ]
  await expectRenders(t, rows)
})
