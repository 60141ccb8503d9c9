import t from 'tap'
import { uniqueId } from '../src/index.js'

t.test('starts with the prefix and is lower case', async (t) => {
  const id = uniqueId('Company')
  t.match(id, /^company-[0-9a-f]{12}$/)
})

t.test('never repeats', async (t) => {
  const ids = new Set(Array.from({ length: 1000 }, () => uniqueId('q')))
  t.equal(ids.size, 1000)
})
