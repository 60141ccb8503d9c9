import t from 'tap'
import { expectRenders } from './helpers.js'
import type { Row } from './helpers.js'

const html = `<a href="x">Tom & 'Jerry'</a>`
const escaped =
  '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#x27;Jerry&#x27;&lt;/a&gt;'

t.test('autoescape escapes & < > " \' as Django does', async (t) => {
  const rows: Row[] = [
    ['{{ v }}', { v: html }, escaped],
    ['<p>{{ v }}</p>', { v: 'a < b' }, '<p>a &lt; b</p>'],
    ['{{ v }}', { v: 42 }, '42'],
    ['{{ v }}', { v: ['<x>'] }, '[&#x27;&lt;x&gt;&#x27;]'],
    ['{{ v|upper }}', { v: '<b>' }, '&lt;B&gt;']
  ]
  await expectRenders(t, rows, { autoescape: true })
})

t.test('|safe and safe results are not escaped', async (t) => {
  const rows: Row[] = [
    ['{{ v|safe }}', { v: html }, html],
    // lower is is_safe in Django, so safety survives it; upper is not.
    ['{{ v|safe|lower }}', { v: '<B>' }, '<b>'],
    ['{{ v|safe|upper }}', { v: '<b>' }, '&lt;B&gt;'],
    ['{{ v|safe|default:"x" }}', { v: '<b>' }, '<b>'],
    ['{{ v|escape }}', { v: '<b>' }, '&lt;b&gt;'],
    ['{{ v|escape|escape }}', { v: '<b>' }, '&lt;b&gt;'],
    ['{{ v|force_escape }}', { v: '&amp;' }, '&amp;amp;'],
    // Django treats string literals in templates as safe.
    ['{{ v|default:"<em>none</em>" }}', {}, '<em>none</em>'],
    ['{{ v|default:fallback }}', { fallback: '<em>' }, '&lt;em&gt;']
  ]
  await expectRenders(t, rows, { autoescape: true })
})

t.test('without autoescape nothing is escaped', async (t) => {
  const rows: Row[] = [
    ['{{ v }}', { v: html }, html],
    ['{{ v|safe }}', { v: html }, html],
    ['{{ v|upper }}', { v: '<b>&' }, '<B>&'],
    ['{{ v|escape }}', { v: '<b>' }, '&lt;b&gt;']
  ]
  await expectRenders(t, rows)
  await expectRenders(t, [['{{ v }}', { v: '<i>' }, '<i>']],
    { autoescape: false })
})
