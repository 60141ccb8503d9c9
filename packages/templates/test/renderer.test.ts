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

const LOOPS = '{% for a in items %}{% for b in items %}{% for c in items %}' +
  '{{ a }}{{ b }}{{ c }}{% endfor %}{% endfor %}{% endfor %}'
const items = Array.from({ length: 300 }, (_, i) => i)

t.test('a render that loops for long stops at the render limit', async (t) => {
  const renderer = createRenderer({ renderLimitMs: 100 })
  const started = performance.now()
  await t.rejects(renderer.render(LOOPS, { items }),
    { name: 'TemplateRenderError', message: /template render limit exceeded/ })
  const took = performance.now() - started
  t.ok(took < 1000, `stopped after ${Math.round(took)} ms, not 27 million iterations`)
})

t.test('a caller budget tightens the limit of one render, never loosens it', async (t) => {
  const renderer = createRenderer({ renderLimitMs: 5000 })
  const started = performance.now()
  await t.rejects(renderer.render(LOOPS, { items }, { timeLimitMs: 50 }),
    /template render limit exceeded/)
  t.ok(performance.now() - started < 1000)
  await t.rejects(renderer.render(LOOPS, { items }, { timeLimitMs: 0 }),
    /template render limit exceeded/, 'an exhausted budget renders nothing')
  t.equal(await renderer.render('{{ n }}', { n: 1 }, { timeLimitMs: 50 }), '1')
})

