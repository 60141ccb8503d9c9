import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import t, { type Test } from 'tap'
import { Validator } from '@seriousme/openapi-schema-validator'
import { startApi } from './helpers.js'

type Tap = Test

const run = promisify(execFile)

interface Operation {
  parameters?: Array<{ in: string, name: string }>
  requestBody?: unknown
  responses?: Record<string, unknown>
  summary?: string
}
type OpenApi = { openapi: string, paths: Record<string, Record<string, Operation>> }

/** The routes the platform's own extension offers (spec §1 and §6). */
const SPEC_ROUTES = [
  'POST /activate/', 'POST /deactivate/', 'POST /webhook/',
  'GET /admin/company/', 'PUT /admin/company/', 'PATCH /admin/company/',
  'GET /admin/notifications/', 'POST /admin/notifications/',
  'GET /admin/notifications/{id}/', 'PUT /admin/notifications/{id}/',
  'PATCH /admin/notifications/{id}/', 'DELETE /admin/notifications/{id}/',
  'POST /admin/notifications/{id}/trigger/',
  'GET /admin/templates/', 'GET /admin/templates/{id}/',
  'GET /admin/layouts/', 'POST /admin/layouts/', 'GET /admin/layouts/{id}/',
  'PUT /admin/layouts/{id}/', 'PATCH /admin/layouts/{id}/', 'DELETE /admin/layouts/{id}/',
  'GET /admin/layout-templates/', 'GET /admin/layout-templates/{id}/',
  'GET /admin/credentials/', 'POST /admin/credentials/', 'GET /admin/credentials/{id}/',
  'PUT /admin/credentials/{id}/', 'PATCH /admin/credentials/{id}/',
  'DELETE /admin/credentials/{id}/',
  'GET /admin/logs/', 'GET /admin/logs/{id}/', 'POST /admin/logs/{id}/send/',
  'GET /user/notifications/', 'GET /user/notifications/{id}/',
  'PUT /user/notifications/{id}/', 'PATCH /user/notifications/{id}/',
  'GET /user/logs/', 'PATCH /user/logs/{id}/'
]

/**
 * Every route the app serves, read from Fastify's own route tree (each
 * line a path segment, indented four characters per level), without HEAD,
 * without the documentation's own routes and those outside the base path.
 */
function servedRoutes (tree: string, base: string): string[] {
  const stack: string[] = []
  const routes: string[] = []
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line)
    if (!match) continue
    const depth = (match[1] ?? '').length / 4
    const path = (stack[depth - 1] ?? '') + (match[2] ?? '')
    stack[depth] = path
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') routes.push(`${method} ${path}`)
    }
  }
  const hidden = [`${base}/docs`, `${base}/openapi.json`]
  // Operator routes (health, metrics, queue dashboard) live outside the API.
  return routes
    .filter((route) => route.split(' ')[1]?.startsWith(`${base}/`))
    .filter((route) => !hidden.some((h) => route.split(' ')[1]?.startsWith(h)))
    .map((route) => route.replace(base, '').replace(/:(\w+)/g, '{$1}'))
}

async function documentOf (t: Tap) {
  const h = await startApi(t)
  const res = await h.call({ method: 'GET', url: '/openapi.json' })
  t.equal(res.statusCode, 200)
  return { h, doc: res.json() as OpenApi }
}

const operations = (doc: OpenApi) => Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })))

t.test('the document is valid OpenAPI 3', async (t) => {
  const { doc } = await documentOf(t)
  t.match(doc.openapi, /^3\./)
  const result = await new Validator().validate(doc)
  t.same(result.errors ?? [], [], 'no schema errors')
  t.equal(result.valid, true)
})

t.test('the document lists every route, and only those', async (t) => {
  const { h, doc } = await documentOf(t)
  const base = h.config.API_BASE_PATH
  const listed = operations(doc).map(({ method, path }) => `${method} ${path.slice(base.length)}`)
  const served = servedRoutes(h.app.printRoutes({ commonPrefix: false }), base)
  t.ok(served.length >= SPEC_ROUTES.length, 'the route tree was read')
  t.same([...listed].sort(), [...served].sort())
  for (const route of SPEC_ROUTES) t.ok(listed.includes(route), `${route} is documented`)
})

t.test('every operation declares its parameters, body and responses', async (t) => {
  const { doc } = await documentOf(t)
  for (const { method, path, op } of operations(doc)) {
    const name = `${method} ${path}`
    t.ok(op.summary, `${name} has a summary`)
    t.ok(op.responses?.['200'] ?? op.responses?.['201'], `${name} documents success`)
    t.ok(op.responses?.['400'], `${name} documents the error envelope`)
    if (path.includes('{id}')) {
      t.ok(op.parameters?.some((p) => p.in === 'path' && p.name === 'id'), `${name} declares id`)
    }
    if (['POST', 'PUT', 'PATCH'].includes(method)) t.ok(op.requestBody, `${name} declares a body`)
  }
})

t.test('the interactive page and its assets are served', async (t) => {
  const h = await startApi(t)
  const page = await h.call({ method: 'GET', url: '/docs/' })
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-type'], /text\/html/)
  const scripts = [...page.body.matchAll(/src="\.\/([^"]+)"/g)].map((m) => m[1])
  t.ok(scripts.length > 0, 'the page loads scripts')
  for (const script of scripts) {
    const asset = await h.call({ method: 'GET', url: `/docs/${script}` })
    t.equal(asset.statusCode, 200, String(script))
  }
  const json = await h.call({ method: 'GET', url: '/docs/json' })
  t.equal(json.json().openapi, (await h.call({ method: 'GET', url: '/openapi.json' })).json().openapi)
})

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))

t.test('the interactive page renders every operation in a browser', {
  skip: CHROMIUM === undefined ? 'no chromium on this machine' : false
}, async (t) => {
  const { h, doc } = await documentOf(t)
  const address = await h.app.listen({ port: 0, host: '127.0.0.1' })
  const { stdout } = await run(CHROMIUM ?? 'chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--virtual-time-budget=10000', '--dump-dom', `${address}${h.config.API_BASE_PATH}/docs/`
  ], { maxBuffer: 64 * 1024 * 1024 })
  const rendered = stdout.match(/class="opblock opblock-/g) ?? []
  t.equal(rendered.length, operations(doc).length, 'one block per operation')
  t.match(stdout, '/admin/notifications/{id}/trigger/')
})
