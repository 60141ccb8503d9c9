import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { testConfig } from '@herald/testkit'
import { buildApp } from '../src/app.js'
import { failedDeliveryJob, OPERATOR } from './board-helpers.js'
import { startApi } from './helpers.js'

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
const operator = basic(OPERATOR.BULL_BOARD_USER, OPERATOR.BULL_BOARD_PASSWORD)

function get (app: FastifyInstance, url: string, authorization?: string) {
  return app.inject({
    method: 'GET', url, headers: authorization ? { authorization } : {}
  })
}

t.test('without credentials the board is refused and asks for them', async (t) => {
  const h = await startApi(t, OPERATOR)
  for (const url of ['/admin/queues', '/admin/queues/api/queues']) {
    const res = await get(h.app, url)
    t.equal(res.statusCode, 401, url)
    t.match(res.headers['www-authenticate'], /^Basic realm="Herald queues"/)
    t.equal(res.json().status, 'error')
  }
  t.equal((await get(h.app, '/admin/queues', basic('operator', 'wrong'))).statusCode, 401)
  t.equal((await get(h.app, '/admin/queues', basic('someone', OPERATOR.BULL_BOARD_PASSWORD))).statusCode, 401)
  t.equal((await get(h.app, '/admin/queues', `Token ${h.tokens.admin}`)).statusCode, 403,
    'an admin of a company not trusted with the board')
})

t.test('with no password configured, basic sign-in is off', async (t) => {
  const h = await startApi(t)
  t.equal((await get(h.app, '/admin/queues', basic('', ''))).statusCode, 401)
})

t.test('the operator sees every queue, and failure reasons masked', async (t) => {
  const h = await startApi(t, OPERATOR)
  const page = await get(h.app, '/admin/queues', operator)
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-type'], /text\/html/)
  t.match(page.body, /Herald queues/)

  const jobId = await failedDeliveryJob(h)
  const list = await get(h.app,
    '/admin/queues/api/queues?activeQueue=deliveries&status=failed&page=1', operator)
  t.equal(list.statusCode, 200)
  const queues = list.json().queues as Array<{ name: string, jobs: unknown[] }>
  t.same(queues.map((q) => q.name).sort(), ['deliveries', 'events', 'triggers'])
  const detail = await get(h.app, `/admin/queues/api/queues/deliveries/${jobId}`, operator)
  t.equal(detail.statusCode, 200)
  for (const body of [list.body, detail.body]) {
    t.notMatch(body, 'lina.okafor@example.org')
    t.notMatch(body, '15550100777')
    t.notMatch(body, 'abcdefghij0123456789')
    t.match(body, 'l***@e***.org')
    t.match(body, '+1*******777')
  }
  t.match(detail.json().job, { data: { deliveryId: 'd-1' } })
})

t.test('the board is read-only unless configured otherwise', async (t) => {
  const h = await startApi(t, OPERATOR)
  const jobId = await failedDeliveryJob(h)
  const retry = await h.app.inject({
    method: 'PUT',
    url: `/admin/queues/api/queues/deliveries/${jobId}/retry`,
    headers: { authorization: operator }
  })
  t.equal(retry.statusCode, 405)
  const clean = await h.app.inject({
    method: 'PUT',
    url: '/admin/queues/api/queues/deliveries/clean/failed',
    headers: { authorization: operator }
  })
  t.equal(clean.statusCode, 405)
  t.equal(await (await h.app.queues.deliveries.getJob(jobId))?.getState(), 'failed')
})

t.test('with BULL_BOARD_READ_ONLY=false an operator may retry', async (t) => {
  const h = await startApi(t, { ...OPERATOR, BULL_BOARD_READ_ONLY: 'false' })
  const jobId = await failedDeliveryJob(h)
  const retry = await h.app.inject({
    method: 'PUT',
    url: `/admin/queues/api/queues/deliveries/${jobId}/retry`,
    headers: { authorization: operator }
  })
  t.ok(retry.statusCode < 300, `retried: ${retry.statusCode}`)
  t.not(await (await h.app.queues.deliveries.getJob(jobId))?.getState(), 'failed')
})

t.test('admins of a company in BULL_BOARD_COMPANIES sign in with their token', async (t) => {
  const h = await startApi(t)
  const config = testConfig({
    PLATFORM_URL: h.sim.url,
    QUEUE_PREFIX: h.config.QUEUE_PREFIX,
    BULL_BOARD_COMPANIES: `other-co, ${h.companyId}`,
    BULL_BOARD_PATH: '/ops/queues'
  })
  const app = await buildApp({ config })
  t.teardown(() => app.close())
  t.equal((await get(app, '/ops/queues', `Token ${h.tokens.admin}`)).statusCode, 200)
  t.equal((await get(app, '/ops/queues/api/queues', `Token ${h.tokens.admin}`)).statusCode, 200)
  t.equal((await get(app, '/ops/queues', `Token ${h.tokens.user}`)).statusCode, 403,
    'not an admin')
  t.equal((await get(app, '/ops/queues', 'Token unknown-token')).statusCode, 401)
  t.equal((await get(app, '/admin/queues', `Token ${h.tokens.admin}`)).statusCode, 404,
    'the path is configurable')
})
