import {
  emailPreset, htmlFrame, pushPreset, smsPreset, type NotificationPreset
} from './preset-types.js'

/** The amount without its sign: debits arrive negative. */
const AMOUNT = '{{ currency.symbol }}{% if amount < 0 %}' +
  "{{ amount|money:currency.divisibility|slice:'1:' }}{% else %}" +
  '{{ amount|money:currency.divisibility }}{% endif %}'
const BALANCE = '{{ currency.symbol }}{{ balance|money:currency.divisibility }}'
const WHEN = "{{ created|timestamp|date:'j M Y, H:i' }}"
const company = '{{ context.company.name }}'

const credit = "'{{ tx_type }}' == 'credit'"
const debit = "'{{ tx_type }}' == 'debit'"
const failed = "'{{ status }}' == 'Failed'"

const toUser = {
  to_email: '{{ user.email }}',
  to_mobile: '{{ user.mobile }}',
  to_user: '{{ user.id }}',
  preference_enabled: true
}

/** One transaction message in the three channels. */
function allChannels (base: {
  id: string, name: string, description: string, event: string,
  expression: string, subject: string, line: string, short: string
}): NotificationPreset[] {
  const common = {
    ...toUser,
    name: base.name,
    description: base.description,
    event: base.event,
    expression: base.expression
  }
  return [
    emailPreset({
      ...common,
      id: `${base.id}-email`,
      subject: base.subject,
      text_message: "Hi {{ user.first_name|default:'there' }},\n\n" +
        `${base.line}\n\nReference: {{ id }}\nDate: ${WHEN}`,
      html_message: htmlFrame(`<p>${base.line}</p>\n` +
        `<p>Reference: {{ id }}<br>Date: ${WHEN}</p>`)
    }),
    smsPreset({ ...common, id: `${base.id}-sms`, sms_message: base.short }),
    pushPreset({ ...common, id: `${base.id}-push`, push_message: base.short })
  ]
}

/** Transaction messages, which users may switch off. */
export const transactionPresets: NotificationPreset[] = [
  ...allChannels({
    id: 'transaction-credit',
    name: 'Money received',
    description: 'A credit to the user\'s account went through.',
    event: 'transaction.execute',
    expression: credit,
    subject: `You received ${AMOUNT}`,
    line: `You received ${AMOUNT} {{ currency.code }}` +
      '{% if note %} ({{ note }}){% endif %}. ' +
      `Your balance is now ${BALANCE}.`,
    short: `${company}: you received ${AMOUNT} {{ currency.code }}. ` +
      `Balance: ${BALANCE}.`
  }),
  ...allChannels({
    id: 'transaction-debit',
    name: 'Money sent',
    description: 'A debit from the user\'s account went through.',
    event: 'transaction.execute',
    expression: debit,
    subject: `You sent ${AMOUNT}`,
    line: `You sent ${AMOUNT} {{ currency.code }}` +
      '{% if label %} ({{ label }}){% endif %}. ' +
      `Your balance is now ${BALANCE}.`,
    short: `${company}: you sent ${AMOUNT} {{ currency.code }}. ` +
      `Balance: ${BALANCE}.`
  }),
  ...allChannels({
    id: 'transaction-initiated',
    name: 'Transaction started',
    description: 'A transaction was created and is being processed.',
    event: 'transaction.initiate',
    expression: '',
    subject: `Your ${AMOUNT} {{ tx_type }} is being processed`,
    line: `Your {{ tx_type }} of ${AMOUNT} {{ currency.code }} ` +
      'is being processed. We will tell you when it completes.',
    short: `${company}: your {{ tx_type }} of ${AMOUNT} ` +
      '{{ currency.code }} is being processed.'
  }).filter((preset) => preset.type !== 'sms'),
  ...allChannels({
    id: 'transaction-failed',
    name: 'Transaction failed',
    description: 'A transaction could not be completed.',
    event: 'transaction.update',
    expression: failed,
    subject: `Your ${AMOUNT} {{ tx_type }} failed`,
    line: `Your {{ tx_type }} of ${AMOUNT} {{ currency.code }} ` +
      'could not be completed. No money has moved.',
    short: `${company}: your {{ tx_type }} of ${AMOUNT} ` +
      '{{ currency.code }} failed. No money has moved.'
  })
]
