import {
  emailPreset, htmlFrame, pushPreset, smsPreset, type NotificationPreset
} from './preset-types.js'

const company = '{{ context.company.name }}'

/**
 * Account and security messages. Users may not switch these off: a
 * password reset or a verification code must always arrive.
 */
export const accountPresets: NotificationPreset[] = [
  emailPreset({
    id: 'password-reset-email',
    name: 'Password reset',
    description: 'The link a user follows to choose a new password.',
    event: 'user.password.reset',
    to_email: '{{ user.email }}',
    subject: `Reset your ${company} password`,
    text_message: "Hi {{ user.first_name|default:'there' }},\n\n" +
      'Someone asked to reset the password of your account. ' +
      'Follow this link to choose a new one:\n\n{{ url }}\n\n' +
      'If it was not you, ignore this email: your password stays as it is.',
    html_message: htmlFrame(
      '<p>Someone asked to reset the password of your account.</p>\n' +
      '<p><a href="{{ url }}">Choose a new password</a></p>\n' +
      '<p>If it was not you, ignore this email: your password stays as it is.</p>')
  }),
  emailPreset({
    id: 'password-set-email',
    name: 'Password set',
    description: 'The link a user follows to set a first password.',
    event: 'user.password.set',
    to_email: '{{ user.email }}',
    subject: `Set your ${company} password`,
    text_message: "Hi {{ user.first_name|default:'there' }},\n\n" +
      'Follow this link to set the password of your account:\n\n{{ url }}',
    html_message: htmlFrame(
      '<p>Follow this link to set the password of your account.</p>\n' +
      '<p><a href="{{ url }}">Set my password</a></p>')
  }),
  emailPreset({
    id: 'email-verify-email',
    name: 'Email verification',
    description: 'Asks the user to confirm an email address.',
    event: 'user.email.verify',
    to_email: '{{ email }}',
    subject: `Confirm your email address for ${company}`,
    text_message: "Hi {{ user.first_name|default:'there' }},\n\n" +
      'Confirm that {{ email }} is your address by following this link:\n\n' +
      '{{ url }}\n\nYour verification code is {{ key }}.',
    html_message: htmlFrame(
      '<p>Confirm that {{ email }} is your address.</p>\n' +
      '<p><a href="{{ url }}">Confirm my email</a></p>\n' +
      '<p>Your verification code is <strong>{{ key }}</strong>.</p>')
  }),
  smsPreset({
    id: 'mobile-verify-sms',
    name: 'Mobile verification code',
    description: 'The code a user types to confirm a mobile number.',
    event: 'user.mobile.verify',
    to_mobile: '{{ mobile }}',
    to_user: '{{ user.id }}',
    sms_message: `Your ${company} verification code is {{ key }}.`
  }),
  smsPreset({
    id: 'mfa-sms',
    name: 'SMS MFA code',
    description: 'The one-time code of a sign-in by SMS.',
    event: 'mfa.sms.verify',
    to_mobile: '{{ mobile }}',
    to_user: '{{ user.id }}',
    sms_message: `Your ${company} sign-in code is {{ token }}. ` +
      'Do not share it with anyone.'
  }),
  emailPreset({
    id: 'welcome-email',
    name: 'Welcome',
    description: 'Greets a user who just signed up.',
    event: 'user.create',
    to_email: '{{ email }}',
    subject: `Welcome to ${company}`,
    text_message: "Hi {{ first_name|default:'there' }},\n\n" +
      `Welcome to ${company}. Your account is ready.`,
    html_message: "<p>Hi {{ first_name|default:'there' }},</p>\n" +
      `<p>Welcome to ${company}. Your account is ready.</p>`
  }),
  pushPreset({
    id: 'welcome-push',
    name: 'Welcome',
    description: 'Greets a user who just signed up, on their phone.',
    event: 'user.create',
    to_user: '{{ id }}',
    push_message: `Welcome to ${company}, {{ first_name|default:'friend' }}!`
  })
]
