import { readFileSync } from 'node:fs'
import t from 'tap'
import { render } from './helpers.js'

const fixtureUrl = new URL(
  '../../simulator/fixtures/webhook-transaction-execute.json', import.meta.url)

/** The transaction.execute webhook's `data`, as the worker's context. */
function transactionData (): Record<string, unknown> {
  const webhook = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as {
    data: Record<string, unknown>
  }
  return webhook.data
}

t.test('a transaction.execute subject renders from the fixture', async (t) => {
  const data = transactionData()
  t.equal(
    await render(
      'You sent {{ currency.symbol }}{{ amount|money:currency.divisibility }}',
      data),
    'You sent ₦-1500.75')
  t.equal(
    await render('{{ user.first_name }}, {{ label }} on ' +
      "{{ created|timestamp|date:'D d M Y' }}: {{ note|default:'-' }}", data),
    'Lina, Sent to Ade on Thu 27 Jun 2024: Rent for June')
  t.equal(await render("[{{ reference|default:'-' }}]", data), '[-]')
})

t.test('an HTML body with loops and conditions', async (t) => {
  const data = {
    ...transactionData(),
    context: { company: { id: 1, name: 'North & Wind', system_email: 'x@y' } }
  }
  const body = [
    '<p>Hi {{ user.first_name|title }},</p>',
    '{% if tx_type == "debit" and status == "Complete" %}',
    '<p>{{ context.company.name }} debited {{ currency.code }} ',
    '{{ total_amount|money:currency.divisibility }}',
    '{% if fees %} with fees{% else %} (no fees){% endif %}.</p>',
    '{% endif %}',
    '{% for g in user.groups %}<i>{{ g.label }}</i>{% endfor %}',
    '{{ user.profile.avatar|default:"no avatar" }}'
  ].join('')
  t.equal(await render(body, data, { autoescape: true }),
    '<p>Hi Lina,</p><p>North &amp; Wind debited NGN -1502.00 (no fees).</p>' +
    '<i>Individual</i>no avatar')
})
