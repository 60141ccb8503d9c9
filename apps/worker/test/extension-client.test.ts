import t from 'tap'
import type { Stack } from './helpers.js'
import { eventually, startStack, transactionEvent } from './helpers.js'

/** What the platform's extension answers on failure. */
class ExtensionError extends Error {
  constructor (readonly statusCode: number, readonly body: { message: string, data: Record<string, string[]> }) {
    super(body.message)
  }
}

type Envelope<T> =
  | { status: 'success', data: T }
  | { status: 'error', message: string, data: Record<string, string[]> }
interface Page<T> { count: number, next: string | null, previous: string | null, results: T[] }
type Item = Record<string, unknown> & { id: number | string }

/**
 * A client written against the platform's notification extension: paths,
 * payloads and envelopes of the spec (§5, §6), plain HTTP, nothing from
 * this code base. It follows `next` links keeping its own host, as SDK
 * clients configured with a base URL do.
 */
class ExtensionClient {
  constructor (private readonly base: string, private readonly token: string) {}

  async call<T = Item> (method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        authorization: `Token ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' })
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    const json = await res.json() as Envelope<T>
    if (json.status === 'error') throw new ExtensionError(res.status, json)
    return json.data
  }

  async all<T = Item> (path: string): Promise<T[]> {
    const items: T[] = []
    let next: string | null = path
    while (next !== null) {
      const page: Page<T> = await this.call<Page<T>>('GET', next)
      items.push(...page.results)
      next = page.next === null ? null : this.local(page.next)
    }
    return items
  }

  private local (link: string): string {
    const url = new URL(link)
    return url.pathname.replace(new URL(this.base).pathname, '') + url.search
  }
}

async function baseUrl (s: Stack): Promise<string> {
  const address = await s.app.listen({ port: 0, host: '127.0.0.1' })
  return `${address}${s.config.API_BASE_PATH}`
}

t.test('a client of the platform\'s extension works unchanged', async (t) => {
  const s = await startStack(t)
  s.startWorker()
  const base = await baseUrl(s)
  const admin = new ExtensionClient(base, s.tokens.admin)
  const user = new ExtensionClient(base, s.tokens.user)
  const ids: Record<string, number> = {}

  await t.test('company settings: read, update, replace', async (t) => {
    const company = await admin.call('GET', '/admin/company/')
    t.match(company, { id: s.companyId, mode: 'test', name: 'Northwind Wallet' })
    const patched = await admin.call('PATCH', '/admin/company/', { support_email: 'help@northwind.example' })
    t.equal(patched.support_email, 'help@northwind.example')
    const replaced = await admin.call('PUT', '/admin/company/', { ...patched, website: 'https://northwind.example' })
    t.match(replaced, { support_email: 'help@northwind.example', website: 'https://northwind.example', secret: company.secret })
  })

  await t.test('preset templates: list every page, read one', async (t) => {
    const presets = await admin.all('/admin/templates/?page_size=5')
    t.ok(presets.length >= 18)
    t.equal(new Set(presets.map((p) => p.id)).size, presets.length, 'no page repeats another')
    const one = await admin.call('GET', '/admin/templates/transaction-debit-email/')
    t.match(one, { type: 'email', event: 'transaction.execute' })
  })

  await t.test('layouts: presets, create, list, read, replace, update', async (t) => {
    const presets = await admin.all('/admin/layout-templates/')
    const emailPreset = presets.find((p) => p.type === 'email')
    t.ok(emailPreset)
    t.ok(await admin.call('GET', `/admin/layout-templates/${String(emailPreset?.id)}/`))
    const created = await admin.call('POST', '/admin/layouts/', { template: emailPreset?.id, name: 'Brand' })
    ids.layout = Number(created.id)
    t.equal((await admin.all('/admin/layouts/?type=email')).length, 1)
    t.same(await admin.call('GET', `/admin/layouts/${ids.layout}/`), created)
    const replaced = await admin.call('PUT', `/admin/layouts/${ids.layout}/`, { ...created, name: 'Brand 2' })
    t.equal(replaced.name, 'Brand 2')
    const patched = await admin.call('PATCH', `/admin/layouts/${ids.layout}/`, { description: 'Our look' })
    t.match(patched, { name: 'Brand 2', description: 'Our look' })
  })

  await t.test('credentials: create, list, read, replace, update, delete; secrets masked', async (t) => {
    const created = await admin.call('POST', '/admin/credentials/', {
      credential_type: 'twilio',
      credentials: { account_sid: `AC${'0f'.repeat(16)}`, auth_token: 'a-twilio-secret-token', from_number: '+15550100100' }
    })
    t.equal((created.credentials as Record<string, string>).auth_token, 'a-tw…')
    const url = `/admin/credentials/${created.id}/`
    t.equal((await admin.all('/admin/credentials/')).length, 1)
    t.same(await admin.call('GET', url), created)
    await admin.call('PUT', url, created)
    const patched = await admin.call('PATCH', url, { credentials: { from_number: '+15550100200' } })
    t.equal((patched.credentials as Record<string, string>).from_number, '+15550100200')
    t.same(await admin.call('DELETE', url), undefined)
    t.equal((await admin.all('/admin/credentials/')).length, 0)
  })

  await t.test('notifications: create from a preset, list, filter, read, update, replace', async (t) => {
    const created = await admin.call('POST', '/admin/notifications/', {
      template: 'transaction-debit-email', name: 'Payment sent', layout: ids.layout
    })
    ids.payment = Number(created.id)
    t.match(created, { type: 'email', preference_enabled: true, layout: ids.layout })
    const manual = await admin.call('POST', '/admin/notifications/', {
      type: 'push', name: 'Draft', push_message: 'draft'
    })
    const replaced = await admin.call('PUT', `/admin/notifications/${manual.id}/`, {
      type: 'email', name: 'Announcement', to_email: '{{ user.email }}',
      subject: '{{ headline }}', text_message: 'Hi {{ user.first_name }}: {{ headline }}'
    })
    ids.announcement = Number(replaced.id)
    t.match(replaced, { type: 'email', push_message: '', event: '' })
    t.equal((await admin.all('/admin/notifications/')).length, 2)
    t.equal((await admin.all('/admin/notifications/?event=transaction.execute')).length, 1)
    t.equal((await admin.all(`/admin/notifications/?layout=${ids.layout}`)).length, 1)
    t.equal((await admin.all('/admin/notifications/?name=Announcement&type=email')).length, 1)
    const patched = await admin.call('PATCH', `/admin/notifications/${ids.payment}/`, { description: 'Debits' })
    t.equal(patched.description, 'Debits')
    t.same(await admin.call('GET', `/admin/notifications/${ids.payment}/`), patched)
  })

  await t.test('an event becomes an email in the layout, visible in the logs', async (t) => {
    await s.sendEvent()
    const [mail] = await s.sink.waitForMessages(1)
    t.equal(mail?.subject, 'You sent ₦1500.75')
    t.match(mail?.html, 'Northwind Wallet</h2>')
    await eventually(async () => (await admin.all('/admin/logs/?sent=true')).length === 1)
    const [log] = await admin.all(`/admin/logs/?notification=${ids.payment}&recipient__contains=okafor`)
    t.match(log, { type: 'email', recipient: 'lina.okafor@example.org', sent: true, received: false })
    t.same(await admin.call('GET', `/admin/logs/${String(log?.id)}/`), log)
    const copy = await admin.call('POST', `/admin/logs/${String(log?.id)}/send/`, { recipient: 'ops@northwind.example' })
    t.not(copy.id, log?.id)
    const mails = await s.sink.waitForMessages(2)
    t.same(mails[1]?.to, ['ops@northwind.example'])
    t.equal((await admin.all(`/admin/logs/?created__gt=${Number(log?.created) - 1}`)).length, 2)
  })

  await t.test('users read their own logs, masked, and mark them received', async (t) => {
    const mine = await user.all('/user/logs/')
    t.equal(mine.length, 2, 'the original and the copy are both about Lina')
    t.ok(mine.every((log) => !String(log.recipient).includes('okafor')))
    const received = await user.call('PATCH', `/user/logs/${String(mine[0]?.id)}/`, { received: true })
    t.equal(received.received, true)
    t.equal((await user.all('/user/logs/?received=true')).length, 1)
  })

  await t.test('users switch a notification off and nothing more arrives', async (t) => {
    const listed = await user.all('/user/notifications/')
    t.same(listed.map((n) => n.id), [ids.payment])
    const off = await user.call('PATCH', `/user/notifications/${ids.payment}/`, { enabled: false })
    t.equal(off.enabled, false)
    await s.sendEvent('client-suite-2', transactionEvent.data)
    await eventually(async () =>
      (await admin.all(`/admin/logs/?notification=${ids.payment}`)).some((l) => l.status === 'skipped'))
    t.equal(s.sink.messages.length, 2)
    const on = await user.call('PUT', `/user/notifications/${ids.payment}/`, { enabled: true })
    t.equal(on.enabled, true)
    t.equal((await user.call('GET', `/user/notifications/${ids.payment}/`)).enabled, true)
  })

  await t.test('a trigger sends to the users named, with the data given', async (t) => {
    const [someLog] = await user.all('/user/logs/')
    t.same(await admin.call('POST', `/admin/notifications/${ids.announcement}/trigger/`, {
      users: [someLog?.user], data: { headline: 'Lower fees' }
    }), undefined)
    const mails = await s.sink.waitForMessages(3)
    t.match(mails[2], { subject: 'Lower fees', to: ['lina.okafor@example.org'] })
    t.match(mails[2]?.text, 'Hi Lina: Lower fees')
  })

  await t.test('errors come in the platform\'s envelope', async (t) => {
    const bad = await admin.call('POST', '/admin/notifications/', { type: 'sms', name: 'x' })
      .catch((err: unknown) => err)
    t.ok(bad instanceof ExtensionError)
    t.equal((bad as ExtensionError).statusCode, 400)
    t.same(Object.keys((bad as ExtensionError).body.data).sort(), ['sms_message', 'to_mobile'])
    const missing = await admin.call('GET', '/admin/layouts/999999/').catch((err: unknown) => err)
    t.equal((missing as ExtensionError).statusCode, 404)
    t.equal((missing as ExtensionError).message, 'Not found.')
    const denied = await user.call('GET', '/admin/logs/').catch((err: unknown) => err)
    t.equal((denied as ExtensionError).statusCode, 403)
  })

  await t.test('deletes', async (t) => {
    for (const url of [`/admin/notifications/${ids.payment}/`, `/admin/notifications/${ids.announcement}/`, `/admin/layouts/${ids.layout}/`]) {
      t.same(await admin.call('DELETE', url), undefined, url)
    }
    t.equal((await admin.all('/admin/notifications/')).length, 0)
    t.equal((await admin.all('/admin/layouts/')).length, 0)
  })
})
