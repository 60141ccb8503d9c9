// Applies prisma/migrations to DATABASE_URL (read from the environment or
// from .env). See docs/database.md for how this relates to
// `prisma migrate deploy`.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { applyMigrations } from '@herald/db'

if (existsSync('.env')) process.loadEnvFile('.env')
const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  process.stderr.write('DATABASE_URL is not set\n')
  process.exit(1)
}
const directory = fileURLToPath(new URL('../prisma/migrations', import.meta.url))
const applied = await applyMigrations({
  databaseUrl,
  directory,
  log: (line) => process.stdout.write(`db: ${line}\n`)
})
process.stdout.write(`db: ${applied.length} migration(s) applied, schema up to date\n`)
