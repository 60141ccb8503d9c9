import t from 'tap'
import { PlatformUnavailableError } from '../src/index.js'
import {
  clientFor,
  failure,
  fixture,
  startFakePlatform,
  success
} from './helpers.js'

const TOKEN = 'svc_5d1c0b9a8f7e6d5c4b3a'

t.test('auth forwards the Authorization value unchanged', async (t) => {
  const platform = await startFakePlatform(t, (app) => {
    app.get('/3/auth/', async () => fixture('auth-end-user'))
  })
  const client = clientFor(t, platform.url)
  const user = await client.auth('tOkEn  abc123')
  t.equal(platform.seen[0]?.authorization, 'tOkEn  abc123')
  t.match(user, {
    id: 'b7e41c09-2a6f-4d38-9e15-70c3a8f2d6b4',
    email: 'lina.okafor@example.org',
    mobile: '+15550100777',
    first_name: 'Lina',
    last_name: 'Okafor',
    username: 'lina',
    language: 'en',
    timezone: 'Africa/Lagos',
    company: 'northwind',
    groups: [{ name: 'individual', label: 'Individual', section: 'user' }],
    verification: { email: true, mobile: true }
  })
})

t.test('company is read with the stored token', async (t) => {
  const platform = await startFakePlatform(t, (app) => {
    app.get('/3/admin/company/', async () => fixture('admin-company'))
  })
  const company = await clientFor(t, platform.url).company(TOKEN)
  t.equal(platform.seen[0]?.authorization, `Token ${TOKEN}`)
  t.same(company, {
    id: 'northwind',
    name: 'Northwind Wallet',
    system_email: 'no-reply@northwind.example',
    support_email: 'help@northwind.example',
    website: 'https://northwind.example',
    logo: null,
    icon: null,
    mode: 'test'
  })
})

t.test('a base URL path prefix is kept', async (t) => {
  const platform = await startFakePlatform(t, (app) => {
    app.get('/api/3/admin/company/', async () => fixture('admin-company'))
  })
  const client = clientFor(t, `${platform.url}/api/`)
  t.equal((await client.company(TOKEN)).id, 'northwind')
  t.equal(platform.seen[0]?.url, '/api/3/admin/company/')
})

t.test('user looks a user up by id', async (t) => {
  const platform = await startFakePlatform(t, (app) => {
    app.get('/3/admin/users/:id/', async () => fixture('auth-service-user'))
  })
  const user = await clientFor(t, platform.url).user(TOKEN, 'a/b c')
  t.equal(platform.seen[0]?.url, '/3/admin/users/a%2Fb%20c/',
    'the id is encoded into one path segment')
  t.equal(user.first_name, 'Notifications')
  t.equal(user.mobile, null)
  t.same(user.groups.map((g) => g.name), ['service'])
})

t.test('registerWebhook posts the hook and reports created', async (t) => {
  let body: unknown
  const platform = await startFakePlatform(t, (app) => {
    app.post('/3/admin/webhooks/', async (request, reply) => {
      body = request.body
      return reply.code(201).send(success({ id: 'wh_1' }))
    })
  })
  const hook = {
    url: 'https://herald.example/webhook/',
    event: 'user.create',
    secret: 'whsec_1',
    condition: 'user.email'
  }
  const result = await clientFor(t, platform.url).registerWebhook(TOKEN, hook)
  t.equal(result, 'created')
  t.same(body, hook)
  t.equal(platform.seen[0]?.authorization, `Token ${TOKEN}`)
})

t.test('registerWebhook treats "already exists" as done', async (t) => {
  const answers = [
    failure('A webhook with this url and event already exists.'),
    failure('url: invalid.', {
      non_field_errors: ['Webhook already exists for this event.']
    })
  ]
  const platform = await startFakePlatform(t, (app) => {
    app.post('/3/admin/webhooks/', async (_request, reply) =>
      reply.code(400).send(answers.shift()))
  })
  const client = clientFor(t, platform.url)
  const hook = { url: 'https://h.example/', event: 'user.create', secret: 's' }
  t.equal(await client.registerWebhook(TOKEN, hook), 'exists', 'in message')
  t.equal(await client.registerWebhook(TOKEN, hook), 'exists', 'in data')
})

t.test('devices accepts a bare list or a paginated list', async (t) => {
  const device = {
    id: 7,
    apps: [
      { id: 'app_1', type: 'expo', token: 'ExponentPushToken[abc]' },
      { id: 'app_2', type: 'fcm', token: null }
    ]
  }
  const answers = [
    success([device]),
    success({ count: 1, next: null, previous: null, results: [device] })
  ]
  const platform = await startFakePlatform(t, (app) => {
    app.get('/3/admin/users/devices/', async () => answers.shift())
  })
  const client = clientFor(t, platform.url)
  const expected = [{
    id: '7',
    apps: [{ id: 'app_1', type: 'expo', token: 'ExponentPushToken[abc]' }]
  }]
  t.same(await client.devices(TOKEN, 'u-1'), expected, 'bare list')
  t.same(await client.devices(TOKEN, 'u-1'), expected, 'paginated')
  t.match(platform.seen[0]?.url, /[?&]user=u-1(&|$)/)
})

t.test('feeChildren lists the children of a transaction', async (t) => {
  const platform = await startFakePlatform(t, (app) => {
    app.get('/3/admin/transactions/', async () => success({
      count: 2,
      next: null,
      previous: null,
      results: [
        { id: 'txn_fee_1', amount: -50, subtype: 'fee' },
        { id: 'txn_fee_2', amount: -25, fee: 0 }
      ]
    }))
  })
  const client = clientFor(t, platform.url)
  const children = await client.feeChildren(TOKEN, 'txn_parent')
  t.same(children, [
    { id: 'txn_fee_1', amount: -50, subtype: 'fee' },
    { id: 'txn_fee_2', amount: -25, fee: 0 }
  ])
  t.match(platform.seen[0]?.url, /[?&]parent=txn_parent(&|$)/)
})

t.test('close is idempotent and later calls fail as unavailable',
  async (t) => {
    const platform = await startFakePlatform(t, (app) => {
      app.get('/3/auth/', async () => fixture('auth-end-user'))
    })
    const client = clientFor(t, platform.url)
    await client.close()
    await client.close()
    await t.rejects(client.auth('Token x'), PlatformUnavailableError)
  })
