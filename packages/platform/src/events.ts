/** Every event the platform can send to an extension (protocol §3). */
export const PLATFORM_EVENTS = [
  'company.link.create', 'company.link.update', 'company.update',
  'currency.create', 'currency.update',
  'user.create', 'user.update', 'user.password.reset', 'user.password.set',
  'user.deactivate.verify', 'user.request_delete.verify',
  'user.email.verify', 'user.mobile.verify',
  'email.create', 'email.update', 'mobile.create', 'mobile.update',
  'address.create', 'address.update', 'document.create', 'document.update',
  'bank_account.create', 'bank_account.update', 'bank_account.delete',
  'crypto_account.create', 'crypto_account.update',
  'account.create', 'account.update', 'account.currency.create',
  'transaction.create', 'transaction.update', 'transaction.initiate',
  'transaction.execute', 'transaction.transition.create',
  'transaction.transition.update', 'mfa.sms.verify',
  'alert.create', 'alert.update'
] as const
