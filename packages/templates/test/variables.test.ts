import t from 'tap'
import { expectRenders } from './helpers.js'
import type { Row } from './helpers.js'

const user = {
  first_name: 'Tomás',
  last_name: 'محمد',
  groups: [{ name: 'individual' }],
  profile: null
}

t.test('dotted lookups reach nested keys and list indexes', async (t) => {
  const rows: Row[] = [
    ['{{ user.first_name }}', { user }, 'Tomás'],
    ['{{ user.last_name }}', { user }, 'محمد'],
    ['{{user.first_name}} {{ user.last_name }}', { user }, 'Tomás محمد'],
    ['{{ user.groups.0.name }}', { user }, 'individual'],
    ['{{ a.b.c }}', { a: { b: { c: 'deep' } } }, 'deep'],
    ['مرحبا {{ name }}!', { name: 'لينا' }, 'مرحبا لينا!']
  ]
  await expectRenders(t, rows)
})

t.test('undefined variables render as empty strings', async (t) => {
  const rows: Row[] = [
    ['[{{ missing }}]', {}, '[]'],
    ['[{{ missing.deeper.still }}]', {}, '[]'],
    ['[{{ user.profile.avatar }}]', { user }, '[]'],
    ['[{{ user.nope|upper }}]', { user }, '[]'],
    ['[{{ name.length }}]', { name: 'abc' }, '[]'],
    ['[{{ user.constructor }}]', { user }, '[]']
  ]
  await expectRenders(t, rows)
})

t.test('values print as Python would print them', async (t) => {
  const rows: Row[] = [
    ['{{ v }}', { v: null }, 'None'],
    ['{{ v }}', { v: true }, 'True'],
    ['{{ v }}', { v: false }, 'False'],
    ['{{ v }}', { v: 150075 }, '150075'],
    ['{{ v }}', { v: -1.5 }, '-1.5'],
    // Output localizes floats as Django 4+ does; str() would say 1e-05.
    ['{{ v }}', { v: 0.00001 }, '0.00001'],
    ['{{ v|lower }}', { v: 0.00001 }, '1e-05'],
    ['{{ v }}', { v: ['a', 1, null] }, "['a', 1, None]"],
    ['{{ v }}', { v: { channel: 'app' } }, "{'channel': 'app'}"],
    ['{{ v }}', { v: 12345678901234567890n }, '12345678901234567890'],
    ['{{ None }}|{{ True }}|{{ False }}', {}, 'None|True|False']
  ]
  await expectRenders(t, rows)
})

t.test('filters take colon arguments, spaces only around the pipe', async (t) => {
  const rows: Row[] = [
    ['{{ v|default:"-" }}', {}, '-'],
    ["{{ v|default:'-' }}", {}, '-'],
    ['{{ v | default:"-" }}', {}, '-'],
    ['{{ v|default:fallback }}', { fallback: 'fb' }, 'fb'],
    ['{{ v|lower|capfirst }}', { v: 'HELLO' }, 'Hello'],
    ['{{ v|add:2 }}', { v: 40 }, '42']
  ]
  await expectRenders(t, rows)
})
