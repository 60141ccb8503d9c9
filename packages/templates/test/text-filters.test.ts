import t from 'tap'
import { expectRenders } from './helpers.js'
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
