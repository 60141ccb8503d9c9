import t from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import { createLookupCache } from '../src/lookup-cache.js'

function counting (values: Record<string, string | null>) {
  const reads: string[] = []
  const load = async (key: string) => {
    reads.push(key)
    return values[key] ?? null
  }
  return { reads, load }
}

t.test('a value is read once and reused within the ttl', async (t) => {
  const { reads, load } = counting({ a: 'one' })
  const cache = createLookupCache({ ttlMs: 60_000, max: 10, load })
  t.equal(await cache.get('a'), 'one')
  t.equal(await cache.get('a'), 'one')
  t.same(reads, ['a'])
})

t.test('concurrent misses share one read', async (t) => {
  const { reads, load } = counting({ a: 'one' })
  const cache = createLookupCache({ ttlMs: 60_000, max: 10, load })
  const got = await Promise.all([cache.get('a'), cache.get('a'), cache.get('a')])
  t.same(got, ['one', 'one', 'one'])
  t.same(reads, ['a'])
})

t.test('nothing found is cached too', async (t) => {
  const { reads, load } = counting({})
  const cache = createLookupCache({ ttlMs: 60_000, max: 10, load })
  t.equal(await cache.get('none'), null)
  t.equal(await cache.get('none'), null)
  t.same(reads, ['none'])
})

t.test('a value is read again once the ttl passed', async (t) => {
  const values: Record<string, string> = { a: 'one' }
  const { reads, load } = counting(values)
  const cache = createLookupCache({ ttlMs: 30, max: 10, load })
  t.equal(await cache.get('a'), 'one')
  values.a = 'two'
  await sleep(60)
  t.equal(await cache.get('a'), 'two')
  t.same(reads, ['a', 'a'])
})

t.test('forget makes the next get read again', async (t) => {
  const values: Record<string, string> = { a: 'one' }
  const { load } = counting(values)
  const cache = createLookupCache({ ttlMs: 60_000, max: 10, load })
  t.equal(await cache.get('a'), 'one')
  values.a = 'two'
  cache.forget('a')
  t.equal(await cache.get('a'), 'two')
})

t.test('a failed read is not kept', async (t) => {
  let fail = true
  const cache = createLookupCache({
    ttlMs: 60_000,
    max: 10,
    load: async () => {
      if (fail) throw new Error('database away')
      return 'back'
    }
  })
  await t.rejects(cache.get('a'), { message: 'database away' })
  fail = false
  t.equal(await cache.get('a'), 'back')
})

t.test('a ttl of 0 reads every time', async (t) => {
  const { reads, load } = counting({ a: 'one' })
  const cache = createLookupCache({ ttlMs: 0, max: 10, load })
  await cache.get('a')
  await cache.get('a')
  t.same(reads, ['a', 'a'])
})

t.test('at most max keys are kept, least recent out first', async (t) => {
  const { reads, load } = counting({ a: '1', b: '2', c: '3' })
  const cache = createLookupCache({ ttlMs: 60_000, max: 2, load })
  await cache.get('a')
  await cache.get('b')
  await cache.get('c')
  await cache.get('a')
  t.same(reads, ['a', 'b', 'c', 'a'])
})
