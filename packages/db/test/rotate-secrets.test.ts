import t from 'tap'
import { fileURLToPath } from 'node:url'
import { scratchDatabaseUrl } from '@herald/testkit'
import { applyMigrations, createDatabase, rotateSecrets, SecretBox } from '../src/index.js'

const oldKey = Buffer.alloc(32, 3).toString('base64')
const newKey = Buffer.alloc(32, 4).toString('base64')

t.test('stored secrets move to the new key and still open', async (t) => {
  const url = scratchDatabaseUrl(t)
  const directory = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url))
  await applyMigrations({ databaseUrl: url, directory })
  const db = createDatabase({ url })
  t.teardown(() => db.$disconnect())
  const id = 'northwind'
  const before = new SecretBox(oldKey)
  await db.company.create({
    data: {
      id,
      webhookSecretEnc: before.seal('hook-secret'),
      serviceTokenEnc: before.seal('service-token'),
      credentials: { create: { credentialType: 'twilio', credentialsEnc: before.seal('{"token":"x"}') } }
    }
  })
  const after = new SecretBox(newKey, [oldKey])
  const report = await rotateSecrets(db, after)
  t.same(report, { companies: 1, credentials: 1 })
  const company = await db.company.findUniqueOrThrow({ where: { id }, include: { credentials: true } })
  const only = new SecretBox(newKey)
  t.equal(only.open(company.webhookSecretEnc), 'hook-secret')
  t.equal(only.open(company.serviceTokenEnc ?? ''), 'service-token')
  t.equal(only.open(company.credentials[0]?.credentialsEnc ?? ''), '{"token":"x"}')
  const again = await rotateSecrets(db, after)
  t.equal(again.companies, 0, 'nothing left on the old key')
})
