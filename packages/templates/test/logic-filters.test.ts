import t from 'tap'
import { expectRenders } from './helpers.js'
import type { Row } from './helpers.js'

t.test('default replaces every falsy value', async (t) => {
  const rows: Row[] = [
    ['{{ v|default:"-" }}', {}, '-'],
    ['{{ v|default:"-" }}', { v: '' }, '-'],
    ['{{ v|default:"-" }}', { v: null }, '-'],
    ['{{ v|default:"-" }}', { v: 0 }, '-'],
    ['{{ v|default:"-" }}', { v: false }, '-'],
    ['{{ v|default:"-" }}', { v: [] }, '-'],
    ['{{ v|default:"-" }}', { v: {} }, '-'],
    ['{{ v|default:"-" }}', { v: 'Rent' }, 'Rent'],
    ['{{ v|default:"-" }}', { v: '0' }, '0']
  ]
  await expectRenders(t, rows)
})

t.test('default_if_none replaces only None', async (t) => {
  const rows: Row[] = [
    ['{{ v|default_if_none:"-" }}', { v: null }, '-'],
    ['[{{ v|default_if_none:"-" }}]', { v: '' }, '[]'],
    ['{{ v|default_if_none:"-" }}', { v: 0 }, '0'],
    // A missing variable is '' by the time filters see it, not None.
    ['[{{ v|default_if_none:"-" }}]', {}, '[]']
  ]
  await expectRenders(t, rows)
})

t.test('yesno maps True, False and None', async (t) => {
  const rows: Row[] = [
    ['{{ v|yesno }}', { v: true }, 'yes'],
    ['{{ v|yesno }}', { v: false }, 'no'],
    ['{{ v|yesno }}', { v: null }, 'maybe'],
    ['{{ v|yesno:"yeah,no" }}', { v: null }, 'no'],
    ['{{ v|yesno:"ja,nein,vielleicht" }}', { v: null }, 'vielleicht'],
    ['{{ v|yesno:"ja,nein,vielleicht" }}', { v: [1] }, 'ja'],
    ['{{ v|yesno:"x" }}', { v: true }, 'True']
  ]
  await expectRenders(t, rows)
})
