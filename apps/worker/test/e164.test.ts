import t from 'tap'
import { isE164, normalizeNumber } from '../src/e164.js'

const cases: Array<[string, string, boolean]> = [
  ['+15550100777', '+15550100777', true],
  ['+1 (555) 010-0777', '+15550100777', true],
  [' +44 20 7946 0958 ', '+442079460958', true],
  ['+234.803.123.4567', '+2348031234567', true],
  ['15550100777', '15550100777', false],
  ['+05550100777', '+05550100777', false],
  ['+1234', '+1234', false],
  ['+1234567890123456', '+1234567890123456', false],
  ['+1555abc0777', '+1555abc0777', false],
  ['', '', false]
]

for (const [input, normalized, valid] of cases) {
  t.test(`${JSON.stringify(input)} → ${normalized} (${valid ? 'E.164' : 'not E.164'})`, async (t) => {
    const n = normalizeNumber(input)
    t.equal(n, normalized)
    t.equal(isE164(n), valid)
  })
}
