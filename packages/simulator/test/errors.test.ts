import t from 'tap'
import { errorCodes, PlatformError, SimulatorNotListeningError }
  from '../src/index.js'
import { startSim } from './helpers.js'

t.test('error codes are unique and follow the catalogue pattern', async (t) => {
  t.equal(new Set(errorCodes).size, errorCodes.length)
  for (const code of errorCodes) t.match(code, /^HERALD_ERR_SIM_[A-Z_]+$/)
})

t.test('platform errors keep status, message and field data', async (t) => {
  const err = new PlatformError('HERALD_ERR_SIM_INVALID', 400, 'url: bad',
    { url: ['bad'] })
  t.match(err, { statusCode: 400, message: 'url: bad', data: { url: ['bad'] } })
})

t.test('url before listen throws a typed error', async (t) => {
  const sim = await startSim(t)
  t.throws(() => sim.url, SimulatorNotListeningError)
  t.throws(() => sim.url, { code: 'HERALD_ERR_SIM_NOT_LISTENING' })
  const url = await sim.listen()
  t.equal(sim.url, url)
  t.match(url, /^http:\/\/127\.0\.0\.1:\d+$/)
})
