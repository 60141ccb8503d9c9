import t from 'tap'
import { caught, expectRenders, render } from './helpers.js'
import type { Row } from './helpers.js'

t.test('case filters', async (t) => {
  const rows: Row[] = [
    ['{{ v|upper }}', { v: 'Tomás' }, 'TOMÁS'],
    ['{{ v|upper }}', { v: 'مرحبا' }, 'مرحبا'],
    ['{{ v|lower }}', { v: 'ÁRBOL Niño' }, 'árbol niño'],
    ['{{ v|title }}', { v: 'my FIRST post' }, 'My First Post'],
    ['{{ v|title }}', { v: "they're bill's 1st" }, "They're Bill's 1st"],
    ['{{ v|title }}', { v: "josé o'neil" }, "José O'Neil"],
    ['{{ v|capfirst }}', { v: 'lina okafor' }, 'Lina okafor'],
    ['{{ v|capfirst }}', { v: 'élan' }, 'Élan'],
    ['[{{ v|capfirst }}]', { v: '' }, '[]'],
    ['{{ v|upper }}', { v: null }, 'NONE'],
    ['{{ v|lower }}', { v: true }, 'true']
  ]
  await expectRenders(t, rows)
})

t.test('truncatechars counts the ellipsis', async (t) => {
  const rows: Row[] = [
    ['{{ v|truncatechars:7 }}', { v: 'Joel is a slug' }, 'Joel i…'],
    ['{{ v|truncatechars:14 }}', { v: 'Joel is a slug' }, 'Joel is a slug'],
    ['{{ v|truncatechars:1 }}', { v: 'Joel' }, '…'],
    ['[{{ v|truncatechars:0 }}]', { v: 'Joel' }, '[]'],
    ['{{ v|truncatechars:4 }}', { v: 'Tomás Díaz' }, 'Tom…'],
    ['{{ v|truncatechars:"x" }}', { v: 'Joel is a slug' }, 'Joel is a slug']
  ]
  await expectRenders(t, rows)
})

t.test('truncatewords cuts on whitespace', async (t) => {
  const rows: Row[] = [
    ['{{ v|truncatewords:2 }}', { v: 'Joel is a slug' }, 'Joel is …'],
    ['{{ v|truncatewords:5 }}', { v: 'Joel  is\na slug' }, 'Joel is a slug'],
    ['{{ v|truncatewords:1 }}', { v: 'مرحبا بالعالم' }, 'مرحبا …'],
    ['[{{ v|truncatewords:0 }}]', { v: 'Joel' }, '[]'],
    ['{{ v|truncatewords:"x" }}', { v: 'a b' }, 'a b']
  ]
  await expectRenders(t, rows)
})

t.test('cut removes every occurrence', async (t) => {
  const rows: Row[] = [
    ['{{ v|cut:" " }}', { v: 'a banana and a pan' }, 'abananaandapan'],
    ['{{ v|cut:"an" }}', { v: 'a banana and a pan' }, 'a ba d a p'],
    ['{{ v|cut:"" }}', { v: 'abc' }, 'abc'],
    ['{{ v|cut:"0" }}', { v: 1000 }, '1'],
    ['{{ v|cut:"é" }}', { v: 'café crème' }, 'caf crème'],
    ['{{ v|cut:sep }}', { v: '2024-06-27', sep: '-' }, '20240627']
  ]
  await expectRenders(t, rows)
})

t.test('cut keeps safe input safe unless it cuts a semicolon', async (t) => {
  await expectRenders(t, [
    ['{{ v|cut:"&" }}', { v: '<b>a & b</b>' }, '&lt;b&gt;a  b&lt;/b&gt;'],
    ['{{ v|safe|cut:"&" }}', { v: '<b>a & b</b>' }, '<b>a  b</b>'],
    ['{{ v|safe|cut:";" }}', { v: 'a &amp; b' }, 'a &amp;amp b']
  ], { autoescape: true })
})

t.test('cut fails for an argument that is not a string', async (t) => {
  const err = await caught(t, () => render('{{ v|cut:1 }}', { v: 'a1' }))
  t.equal(err?.code, 'HERALD_ERR_TEMPLATE_RENDER')
  t.equal(err?.message, 'cut: replace() argument 1 must be str, not int')
})

t.test('wordcount splits on Python whitespace', async (t) => {
  const rows: Row[] = [
    ['{{ v|wordcount }}', { v: 'Joel is a slug' }, '4'],
    ['{{ v|wordcount }}', { v: ' a  b\n c\td ' }, '4'],
    ['{{ v|wordcount }}', { v: '' }, '0'],
    ['{{ v|wordcount }}', {}, '0'],
    ['{{ v|wordcount }}', { v: null }, '1'],
    ['{{ v|wordcount }}', { v: 'مرحبا بالعالم' }, '2'],
    ['{{ v|wordcount }}', { v: 'a\u00a0b\u3000c' }, '3'],
    ['{{ v|wordcount }}', { v: 'a\x1cb\x85c' }, '3'],
    ['{{ v|wordcount }}', { v: 'a\ufeffb' }, '1']
  ]
  await expectRenders(t, rows)
})
