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

t.test('a cached template renders quickly', async (t) => {
  const renderer = createRenderer()
  const source = '{% for x in items %}{{ forloop.counter }}. ' +
    '{{ x.amount|money:2 }} {{ x.at|timestamp|date:"d M Y" }}\n{% endfor %}'
  const items = Array.from({ length: 20 },
    (_, i) => ({ amount: i * 1001, at: 1719500100850 + i }))
  const started = performance.now()
  for (let i = 0; i < 500; i++) await renderer.render(source, { items })
  const perRender = (performance.now() - started) / 500
  t.ok(perRender < 5, `${perRender.toFixed(3)} ms per 20-row render`)
})
