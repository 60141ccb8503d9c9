import t from 'tap'
import { seedUserIds } from '@herald/simulator'
import { computeTotals } from '@herald/templates'
import { withVariant } from '../src/select-notification.js'
import { eventually, paymentEmail, startStack, transactionEvent } from './helpers.js'

const eventRows = (s: Awaited<ReturnType<typeof startStack>>) =>
  s.app.db.delivery.findMany({ where: { companyId: s.companyId } })

t.test('send conditions pick notifications; a broken one is logged', async (t) => {
  const s = await startStack(t)
  const debit = await s.createNotification({
    ...paymentEmail, name: 'Debits', subject: 'debit',
    expression: "'{{ tx_type }}' == 'debit' and '{{ status }}' == 'Complete'"
  })
  const credit = await s.createNotification({
    ...paymentEmail, name: 'Credits', subject: 'credit',
    expression: "'{{ tx_type }}' == 'credit'"
  })
  const broken = await s.createNotification({
    ...paymentEmail, name: 'Broken', subject: 'broken',
    expression: "{{ status }} == 'Complete'"
  })
  s.startWorker()
  await s.sendEvent()
  const [mail] = await s.sink.waitForMessages(1)
  t.equal(mail?.subject, 'debit')
  await eventually(async () => (await eventRows(s))
    .some((r) => r.notificationId === debit && r.status === 'sent'))
  const rows = await eventRows(s)
  t.equal(rows.length, 2)
  t.same(rows.filter((r) => r.notificationId === credit), [],
    'a false condition sends and records nothing')
  const skipped = rows.find((r) => r.notificationId === broken)
  t.match(skipped, {
    status: 'skipped',
    recipient: '',
    errorMessage: "send condition failed: NameError: name 'Complete' is not defined"
  })
})

t.test('computed fee and total include the fee children', async (t) => {
  const s = await startStack(t)
  await s.createNotification({
    ...paymentEmail,
    subject: 'Fee {{ computed.fee|money:currency.divisibility }}, total ' +
      '{{ computed.total_amount|money:currency.divisibility }}'
  })
  s.startWorker()
  await s.sendEvent()
  const [mail] = await s.sink.waitForMessages(1)
  // fee -125 plus the simulator's fee child of -50; amount -150075.
  t.equal(mail?.subject, 'Fee -1.75, total -1502.50')
  t.ok(s.sim.requests.some((r) => r.path === '/3/admin/transactions/'),
    'fee children were read from the platform')
})

t.test('without a template reading computed, the platform is not asked', async (t) => {
  const s = await startStack(t)
  await s.createNotification(paymentEmail)
  s.startWorker()
  await s.sendEvent()
  await s.sink.waitForMessages(1)
  t.notOk(s.sim.requests.some((r) => r.path === '/3/admin/transactions/'))
})

t.test('the recipient language picks a variant, else the default', async (t) => {
  const s = await startStack(t)
  const id = await s.createNotification({
    ...paymentEmail, subject: 'Payment {{ label }}', text_message: 'Hello'
  })
  await s.app.db.notification.update({
    where: { id },
    data: {
      variants: {
        ja: { subject: '支払い {{ label }}' },
        es: { subject: 'Pago {{ label }}', text_message: 'Hola' }
      }
    }
  })
  s.startWorker()
  const user = { ...(transactionEvent.data.user as object) }
  await s.sendEvent('tx-ja', {
    ...transactionEvent.data,
    user: { ...user, id: seedUserIds.kenji, email: 'kenji.sato@example.com' }
  })
  await s.sendEvent('tx-en', transactionEvent.data)
  const mails = await s.sink.waitForMessages(2)
  const kenji = mails.find((m) => m.to[0] === 'kenji.sato@example.com')
  const lina = mails.find((m) => m.to[0] === 'lina.okafor@example.org')
  t.equal(kenji?.subject, '支払い Sent to Ade', 'ja variant for a ja user')
  t.match(kenji?.text, /Hello/, 'fields the variant leaves out fall back')
  t.equal(lina?.subject, 'Payment Sent to Ade', 'no en variant: the default')
})

t.test('computeTotals adds fee children exactly, past float precision', async (t) => {
  const children = [{ amount: -50 }, { amount: -25 }]
  t.same(computeTotals({ amount: -150075, fee: -125 }, children),
    { fee: -200, total_amount: -150275 })
  t.same(computeTotals({ amount: 10 }, []), { fee: 0, total_amount: 10 })
  const big = computeTotals({ amount: '9007199254740993', fee: 0 },
    [{ amount: 2 }])
  t.same(big, { fee: 2, total_amount: 9007199254740995n })
})

t.test('withVariant replaces only the non-empty fields it has', async (t) => {
  const base = {
    subject: 'S', textMessage: 'T', htmlMessage: 'H', smsMessage: 'M', pushMessage: 'P'
  }
  type N = Parameters<typeof withVariant>[0]
  const chosen = withVariant(base as N, { subject: 'S2', sms_message: '' })
  t.match(chosen, { subject: 'S2', textMessage: 'T', smsMessage: 'M' })
  t.equal(withVariant(base as N, undefined), base)
})
