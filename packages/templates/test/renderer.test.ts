import t from 'tap'
import { createRenderer } from '../src/index.js'

t.test('the same source renders with different contexts', async (t) => {
  const renderer = createRenderer({ cacheSize: 2 })
  const source = 'Hi {{ name }}'
  t.equal(await renderer.render(source, { name: 'Lina' }), 'Hi Lina')
  t.equal(await renderer.render(source, { name: 'Tomás' }), 'Hi Tomás')
  t.equal(await renderer.render(source, { name: '<b>' }, { autoescape: true }),
    'Hi &lt;b&gt;', 'the escaping mode is part of the cache key')
  t.equal(await renderer.render(source, { name: '<b>' }), 'Hi <b>')
})

t.test('a small cache still renders every template right', async (t) => {
  const renderer = createRenderer({ cacheSize: 1 })
  for (let i = 0; i < 5; i++) {
    t.equal(await renderer.render(`${i}:{{ v }}`, { v: i * 2 }), `${i}:${i * 2}`)
  }
})

t.test('rendering does not touch the context', async (t) => {
  const renderer = createRenderer()
  const context = { items: ['a', 'b'], n: 1 }
  await renderer.render(
    '{% for x in items %}{% with n=2 %}{{ n }}{% endwith %}{% endfor %}',
    context)
  t.same(context, { items: ['a', 'b'], n: 1 })
})
