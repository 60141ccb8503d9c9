import t from 'tap'
import { caught, expectRenders, render } from './helpers.js'
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

t.test('pluralize is singular for float(value) == 1 or length 1', async (t) => {
  const rows: Row[] = [
    ['vote{{ v|pluralize }}', { v: 0 }, 'votes'],
    ['vote{{ v|pluralize }}', { v: 1 }, 'vote'],
    ['vote{{ v|pluralize }}', { v: 2 }, 'votes'],
    ['class{{ v|pluralize:"es" }}', { v: 2 }, 'classes'],
    ['cand{{ v|pluralize:"y,ies" }}', { v: 1 }, 'candy'],
    ['cand{{ v|pluralize:"y,ies" }}', { v: 0 }, 'candies'],
    ['item{{ v|pluralize }}', { v: ['a'] }, 'item'],
    ['item{{ v|pluralize }}', { v: [] }, 'items'],
    ['item{{ v|pluralize }}', { v: { a: 1, b: 2 } }, 'items'],
    ['item{{ v|pluralize }}', { v: '1.0' }, 'item'],
    ['item{{ v|pluralize }}', { v: ' 2 ' }, 'items'],
    ['item{{ v|pluralize }}', { v: '١' }, 'item'],
    ['item{{ v|pluralize }}', { v: true }, 'item'],
    ['item{{ v|pluralize }}', { v: 1n }, 'item']
  ]
  await expectRenders(t, rows)
})

t.test('pluralize is empty for no number and for a bad argument', async (t) => {
  const rows: Row[] = [
    ['[{{ v|pluralize }}]', { v: 'abc' }, '[]'],
    ['[{{ v|pluralize }}]', { v: 'a' }, '[]'],
    ['[{{ v|pluralize }}]', { v: null }, '[]'],
    ['[{{ v|pluralize }}]', {}, '[]'],
    ['[{{ v|pluralize:"a,b,c" }}]', { v: 2 }, '[]']
  ]
  await expectRenders(t, rows)
})

t.test('pluralize escapes its suffix under autoescape', async (t) => {
  await expectRenders(t, [
    ['item{{ v|pluralize:"<s>" }}', { v: 2 }, 'item&lt;s&gt;']
  ], { autoescape: true })
})

t.test('pluralize fails where Python raises', async (t) => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['{{ v|pluralize:2 }}', { v: 2 },
      'pluralize: argument must be str, not int'],
    ['{{ v|pluralize:s }}', { v: 2, s: null },
      'pluralize: argument must be str, not NoneType'],
    ['{{ v|pluralize }}', { v: 10n ** 400n },
      'int too large to convert to float']
  ]
  for (const [template, context, message] of cases) {
    const err = await caught(t, () => render(template, context))
    t.equal(err?.code, 'HERALD_ERR_TEMPLATE_RENDER')
    t.equal(err?.message, message)
  }
})
