import t from 'tap'
import { TEST_ENCRYPTION_KEY } from '../src/index.js'

t.test('is 32 bytes of base64 in the config key format', async (t) => {
  t.equal(Buffer.from(TEST_ENCRYPTION_KEY, 'base64').length, 32)
  // same pattern as HERALD_ENCRYPTION_KEY in @herald/config
  t.match(TEST_ENCRYPTION_KEY, /^[A-Za-z0-9+/_-]{43}=?$/)
})
