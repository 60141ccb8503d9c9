import t from 'tap'
import type { Company, Delivery } from '@herald/db'
import { parseMailbox, plainTextOf, senderOf } from '../src/channels/email-content.js'
import { NoSenderError } from '../src/errors.js'

const delivery = (fields: Partial<Delivery>) => ({
  textMessage: '', htmlMessage: '', fromEmail: '', ...fields
}) as Delivery
const company = (systemEmail: string | null) => ({ systemEmail }) as Company

t.test('the text part is the rendered text, else derived from the HTML', async (t) => {
  t.equal(plainTextOf(delivery({ textMessage: 'Hi', htmlMessage: '<p>Other</p>' })), 'Hi')
  t.equal(
    plainTextOf(delivery({ htmlMessage: '<p>Hi <b>Lina</b></p><p>Paid &amp; done</p>' })),
    'Hi Lina\n\nPaid & done'
  )
  t.equal(plainTextOf(delivery({})), '')
})

t.test('the sender: notification, then system email, then fallback', async (t) => {
  t.equal(senderOf(delivery({ fromEmail: 'a@x.co' }), company('s@x.co'), 'f@x.co'), 'a@x.co')
  t.equal(senderOf(delivery({}), company('s@x.co'), 'f@x.co'), 's@x.co')
  t.equal(senderOf(delivery({}), company(null), 'f@x.co'), 'f@x.co')
  t.throws(() => senderOf(delivery({}), company(null), ''),
    { code: 'HERALD_ERR_CHANNEL_NO_SENDER' }, 'no sender is no message')
  t.throws(() => senderOf(delivery({}), company(''), ' '), NoSenderError)
})

t.test('mailboxes split into name and address', async (t) => {
  t.same(parseMailbox('Northwind <no-reply@northwind.example>'),
    { email: 'no-reply@northwind.example', name: 'Northwind' })
  t.same(parseMailbox('"Ops, Team" <ops@x.co>'), { email: 'ops@x.co', name: 'Ops, Team' })
  t.same(parseMailbox(' ops@x.co '), { email: 'ops@x.co' })
  t.same(parseMailbox('<ops@x.co>'), { email: 'ops@x.co' })
})
