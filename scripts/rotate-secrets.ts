// Re-encrypts stored secrets with HERALD_ENCRYPTION_KEY; values sealed with
// a key listed in HERALD_ENCRYPTION_KEYS_OLD are opened and sealed again.
// See docs/operations.md.
import { loadConfig } from '@herald/config'
import { createDatabase, rotateSecrets, SecretBox } from '@herald/db'

const config = loadConfig({ dotenv: true })
const old = config.HERALD_ENCRYPTION_KEYS_OLD.split(',').filter(Boolean)
const db = createDatabase({ url: config.DATABASE_URL })
try {
  const report = await rotateSecrets(db, new SecretBox(config.HERALD_ENCRYPTION_KEY, old))
  process.stdout.write(
    `re-encrypted ${report.companies} companies and ${report.credentials} credentials\n`
  )
} finally {
  await db.$disconnect()
}
