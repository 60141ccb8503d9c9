import t from 'tap'
import { caught, expectRenders, render } from './helpers.js'
import type { Row } from './helpers.js'

t.test('linebreaksbr escapes only when autoescaping', async (t) => {
  await expectRenders(t, [
    ['{{ v|linebreaksbr }}', { v: 'a & b\nc\r\nd' }, 'a &amp; b<br>c<br>d'],
    ['{{ v|safe|linebreaksbr }}', { v: '<i>a</i>\nb' }, '<i>a</i><br>b']
  ], { autoescape: true })
  await expectRenders(t, [
    ['{{ v|linebreaksbr }}', { v: 'a & b\nc' }, 'a & b<br>c']
  ])
})

t.test('striptags removes tags, not entities', async (t) => {
  const rows: Row[] = [
    ['{{ v|striptags }}',
      { v: '<b>Joel</b> <button>is</button> a <span>slug</span>' },
      'Joel is a slug'],
    ['{{ v|striptags }}', { v: 'a<!-- c --> &amp; <br/>b' }, 'a &amp; b'],
    ['{{ v|striptags }}', { v: '1 < 2 > 0' }, '1 < 2 > 0']
  ]
  await expectRenders(t, rows)
  await expectRenders(t, [
    ['{{ v|striptags }}', { v: '<b>a &amp; b</b>' }, 'a &amp;amp; b']
  ], { autoescape: true })
})

t.test('urlencode quotes like urllib.parse.quote', async (t) => {
  const url = 'https://www.example.org/foo?a=b&c=d'
  const rows: Row[] = [
    ['{{ v|urlencode }}', { v: url },
      'https%3A//www.example.org/foo%3Fa%3Db%26c%3Dd'],
    ['{{ v|urlencode:"" }}', { v: url },
      'https%3A%2F%2Fwww.example.org%2Ffoo%3Fa%3Db%26c%3Dd'],
    ['{{ v|urlencode }}', { v: 'Tomás Díaz' }, 'Tom%C3%A1s%20D%C3%ADaz'],
    ['{{ v|urlencode }}', { v: 'a-b_c.d~e' }, 'a-b_c.d~e']
  ]
  await expectRenders(t, rows)
})

t.test('linebreaks makes paragraphs and line breaks', async (t) => {
  await expectRenders(t, [
    ['{{ v|linebreaks }}', { v: 'a\nb\r\nc\rd' }, '<p>a<br>b<br>c<br>d</p>'],
    ['{{ v|linebreaks }}', { v: 'a\n\nb\r\n\r\n\n\nc' },
      '<p>a</p>\n\n<p>b</p>\n\n<p>c</p>'],
    ['{{ v|linebreaks }}', { v: '\n\nx' }, '<p></p>\n\n<p>x</p>'],
    ['{{ v|linebreaks }}', { v: '' }, '<p></p>'],
    ['{{ v|linebreaks }}', { v: '<b>a</b>' }, '<p><b>a</b></p>']
  ])
})

t.test('linebreaks escapes unsafe input when autoescaping', async (t) => {
  await expectRenders(t, [
    ['{{ v|linebreaks }}', { v: "a & 'b'\n<i>" },
      '<p>a &amp; &#x27;b&#x27;<br>&lt;i&gt;</p>'],
    ['{{ v|safe|linebreaks }}', { v: '<i>a</i>\n\nb' },
      '<p><i>a</i></p>\n\n<p>b</p>'],
    ['{{ v|escape|linebreaks }}', { v: '<i>' }, '<p>&lt;i&gt;</p>']
  ], { autoescape: true })
})

t.test('linebreaks fails when given an argument', async (t) => {
  const err = await caught(t, () =>
    render('{{ v|linebreaks:"x" }}', { v: 'a' }))
  t.equal(err?.code, 'HERALD_ERR_TEMPLATE_RENDER')
  t.equal(err?.message, 'linebreaks: takes no argument')
})
