import t from 'tap'
import { expectRenders } from './helpers.js'
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
