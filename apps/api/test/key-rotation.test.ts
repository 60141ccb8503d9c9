import t from 'tap'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { readFileSync } from 'node:fs'
import { applyMigrations, createCredential, readCredentials, SecretBox } from '@herald/db'
import { isolatedSeed, createSimulator } from '@herald/simulator'
import { scratchDatabaseUrl, testConfig, uniqueId } from '@herald/testkit'
import { buildApp } from '../src/app.js'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const fixture = JSON.parse(readFileSync(new URL(
  '../../../packages/simulator/fixtures/webhook-transaction-execute.json', import.meta.url
), 'utf8')) as { id: string, event: string, data: Record<string, unknown> }

const OLD = randomBytes(32).toString('base64')
const NEW = randomBytes(32).toString('base64')

t.test('the documented key rotation, step by step, loses no secret', async (t) => {
  const databaseUrl = scratchDatabaseUrl(t)
  await applyMigrations({ databaseUrl, directory: `${ROOT}prisma/migrations` })
  const companyId = uniqueId('co')
  const { seed, tokens } = isolatedSeed(companyId)
  const sim = await createSimulator({ seed })
  await sim.listen()
  t.teardown(() => sim.close())

  /** One deployment: an API with these keys. */
  async function deploy (key: string, old = '') {
    const app = await buildApp({
      config: testConfig({
        DATABASE_URL: databaseUrl,
        PLATFORM_URL: sim.url,
        HERALD_ENCRYPTION_KEY: key,
        HERALD_ENCRYPTION_KEYS_OLD: old
      })
    })
    t.teardown(() => app.close())
    return app
  }
  async function webhookTaken (app: Awaited<ReturnType<typeof deploy>>, secret: string, id: string) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/webhook/',
      payload: { ...fixture, id, company: companyId },
      headers: { authorization: `Secret ${secret}` }
    })
    return res.statusCode === 200
  }

  // Before: everything sealed with the old key.
  const before = await deploy(OLD)
  const activated = await before.inject({
    method: 'POST', url: '/api/activate/', payload: { token: tokens.service }
  })
  t.equal(activated.statusCode, 200)
  const company = await before.db.company.findUniqueOrThrow({ where: { id: companyId } })
  const secret = before.box.open(company.webhookSecretEnc)
  await createCredential(before.db, before.box, companyId, 'twilio', { auth_token: 'tw-secret' })

  // Step 2: new key first, the old one still listed.
  const during = await deploy(NEW, OLD)
  t.ok(await webhookTaken(during, secret, 'during'), 'old values still open')

  // Step 3: `npm run secrets:rotate`, in the same environment.
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    HERALD_ENCRYPTION_KEY: NEW,
    HERALD_ENCRYPTION_KEYS_OLD: OLD
  }
  const first = await run('npm', ['run', '--silent', 'secrets:rotate'], { cwd: ROOT, env })
  t.equal(first.stdout, 're-encrypted 1 companies and 1 credentials\n')
  // Step 4: a second run finds nothing left on the old key.
  const second = await run('npm', ['run', '--silent', 'secrets:rotate'], { cwd: ROOT, env })
  t.equal(second.stdout, 're-encrypted 0 companies and 0 credentials\n')

  // Step 4, then: the old key is dropped and everything still opens.
  const after = await deploy(NEW)
  t.ok(await webhookTaken(after, secret, 'after'), 'the webhook secret opens')
  const onlyNew = new SecretBox(NEW)
  const stored = await after.db.company.findUniqueOrThrow({ where: { id: companyId } })
  t.equal(onlyNew.open(stored.serviceTokenEnc ?? ''), tokens.service)
  t.same(await readCredentials(after.db, onlyNew, companyId, 'twilio'),
    { auth_token: 'tw-secret' })
  t.throws(() => new SecretBox(OLD).open(stored.webhookSecretEnc),
    'nothing is sealed with the old key any more')
})
