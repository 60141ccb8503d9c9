import t from 'tap'
import { maskReason } from '../src/mask-reason.js'

t.test('addresses and numbers in a provider reason are masked', async (t) => {
  t.equal(
    maskReason("invalid or unreachable number: twilio (400) 21211: The 'To' number +15550100777 is not valid"),
    "invalid or unreachable number: twilio (400) 21211: The 'To' number +1*******777 is not valid"
  )
  t.equal(
    maskReason('SMTP rejected the message: 550 5.1.1 <lina.okafor@example.org>: no such user'),
    'SMTP rejected the message: 550 5.1.1 <l***@e***.org>: no such user'
  )
})

t.test('codes and statuses are left alone', async (t) => {
  const reason = 'provider failed: twilio (503) 20500: try again 2024-06-27'
  t.equal(maskReason(reason), reason)
})
