import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { COMPANY, TOKENS, type Stack } from './stack.js'

/** The email a company sends when a payment goes through (as the demo). */
export const PAYMENT_EMAIL = {
  type: 'email',
  name: 'Payment sent',
  event: 'transaction.execute',
  to_email: '{{ user.email }}',
  subject: '{{ label }}: {{ total_amount|money:currency.divisibility }} ' +
    '{{ currency.code }}',
  text_message: [
    'Hi {{ user.first_name }},',
    '',
    '{{ label }} ({{ note }}).',
    '',
    '  Amount:  {{ amount|money:currency.divisibility }} {{ currency.code }}',
    '  Fee:     {{ fee|money:currency.divisibility }} {{ currency.code }}',
    '  Total:   {{ total_amount|money:currency.divisibility }} ' +
      '{{ currency.code }}',
    '  Balance: {{ currency.symbol }}' +
      '{{ balance|money:currency.divisibility }}',
    '',
    'Reference {{ id }}'
  ].join('\n'),
  html_message: '<p>Hi {{ user.first_name }},</p>' +
    '<p>{{ label }}: <b>{{ total_amount|money:currency.divisibility }} ' +
    '{{ currency.code }}</b></p>'
}

/**
 * A welcome email sent only once the address is verified. The fixture's
 * `user.create` has it unverified, so the growth phase's events are
 * matched, their condition rendered and evaluated, and nothing is sent.
 */
export const WELCOME_EMAIL = {
  type: 'email',
  name: 'Welcome',
  event: 'user.create',
  expression: '{{ verification.email }}',
  to_email: '{{ email }}',
  subject: 'Welcome, {{ first_name }}',
  text_message: 'Hi {{ first_name }}, your address is verified.'
}

/** The webhook fixtures the platform sends, by event. */
export const FIXTURES = {
  'transaction.execute': 'webhook-transaction-execute.json',
  'user.create': 'webhook-user-create.json',
  'user.mobile.verify': 'webhook-user-mobile-verify.json',
  'user.password.reset': 'webhook-user-password-reset.json'
} as const

export type FixtureEvent = keyof typeof FIXTURES

/**
 * The body of a fixture with its id replaced by autocannon's `[<id>]`
 * placeholder, so every request carries a fresh event id.
 */
export function webhookBody (root: string, event: FixtureEvent): string {
  const path = join(root, 'packages/simulator/fixtures', FIXTURES[event])
  const fixture = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  if (fixture.company !== COMPANY) {
    throw new Error(`${FIXTURES[event]} is not for company ${COMPANY}`)
  }
  return JSON.stringify({ ...fixture, id: '[<id>]' })
}

async function post (
  stack: Stack,
  path: string,
  body: object,
  token?: string
): Promise<unknown> {
  const res = await fetch(`${stack.apiBase}/api${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Token ${token}` })
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000)
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`POST /api${path}: HTTP ${res.status} ${text}`)
  return JSON.parse(text)
}

/**
 * Activates the company as the platform does and creates its two
 * notifications as an admin would; returns the webhook secret the
 * platform was given.
 */
export async function prepareCompany (stack: Stack): Promise<string> {
  await post(stack, '/activate/', { token: TOKENS.service })
  await post(stack, '/admin/notifications/', PAYMENT_EMAIL, TOKENS.admin)
  await post(stack, '/admin/notifications/', WELCOME_EMAIL, TOKENS.admin)
  const hook = stack.sim.webhooks.find((w) =>
    w.company === COMPANY && w.event === 'transaction.execute')
  if (hook?.secret === undefined || hook.secret === '') {
    throw new Error('activation registered no webhook secret')
  }
  return hook.secret
}
