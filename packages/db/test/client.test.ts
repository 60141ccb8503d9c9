import t from 'tap'
import { createDatabase, sqlOf } from '../src/index.js'

const url = 'postgresql://postgres@127.0.0.1:5432/herald_unused'

t.test('the pool takes the size asked for, else pg\'s default of 10', async (t) => {
  const sized = createDatabase({ url, max: 3 })
  const plain = createDatabase({ url })
  t.teardown(async () => {
    await sized.$disconnect()
    await plain.$disconnect()
  })
  t.equal(sqlOf(sized).options.max, 3)
  t.equal(sqlOf(plain).options.max, 10)
  t.equal(sqlOf(sized).totalCount, 0, 'no connection is opened until a query')
})
