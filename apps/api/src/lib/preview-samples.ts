/**
 * Sample `data` per platform event, for previews the admin gives no data
 * for. Shapes follow the platform's webhooks; every value is invented.
 */
type Sample = Record<string, unknown>

const user: Sample = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'ada.obi@example.com',
  mobile: '+15550100123',
  username: 'ada',
  first_name: 'Ada',
  last_name: 'Obi',
  language: 'en',
  timezone: 'UTC',
  company: 'example',
  groups: [{ name: 'individual', label: 'Individual' }],
  verification: { email: true, mobile: true },
  created: 1719000000000,
  updated: 1719000000000
}

const currency: Sample = {
  code: 'USD', display_code: 'USD', description: 'US Dollar', symbol: '$',
  unit: 'dollar', divisibility: 2, icon: null
}

const transaction: Sample = {
  id: '00000000-0000-4000-8000-0000000000a1',
  tx_type: 'credit',
  subtype: 'deposit',
  status: 'Complete',
  amount: 125000,
  fee: -150,
  fees: [],
  total_amount: 124850,
  balance: 500000,
  account: 'SAMPLE0001',
  label: 'Deposit',
  note: 'Sample transaction',
  reference: '',
  metadata: {},
  currency,
  user,
  created: 1719500000000,
  updated: 1719500000000,
  executed: 1719500000000
}

const reset: Sample = {
  uid: 'MDAwMDAwMDE', token: 'sample-token', force: false,
  url: 'https://wallet.example/password/reset/confirm/?uid=MDAwMDAwMDE&token=sample-token',
  user
}

const SAMPLES: Record<string, Sample> = {
  'user.create': { ...user, status: 'pending', metadata: {} },
  'user.update': { ...user, status: 'verified', metadata: {}, original_user: user },
  'user.password.reset': reset,
  'user.password.set': reset,
  'user.email.verify': {
    key: 'sample-key', url: 'https://wallet.example/email/verify/?key=sample-key',
    email: user.email, user
  },
  'user.mobile.verify': { key: '123456', mobile: user.mobile, user },
  'mfa.sms.verify': { token: '123456', mobile: user.mobile, user },
  'transaction.update': { ...transaction, original_transaction: transaction }
}

/** The sample for an event: its own, a transaction's, or just a user. */
export function sampleData (event: string): Sample {
  const own = SAMPLES[event]
  if (own) return structuredClone(own)
  if (event.startsWith('transaction.')) return structuredClone(transaction)
  return { user: structuredClone(user) }
}
