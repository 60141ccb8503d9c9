import { createHash, randomUUID } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import pg from 'pg'
import { MigrationError } from './errors.js'

/**
 * Applies `prisma/migrations/<name>/migration.sql` in name order and records
 * each in Prisma's own `_prisma_migrations` table with Prisma's checksum
 * (SHA-256 of the file), so `prisma migrate deploy` treats them as applied.
 *
 * Prisma 7's migrate commands need a native schema engine fetched from
 * Prisma's binary host; where only the npm registry is reachable that
 * download fails, and the WebAssembly engine of Prisma 6.19 cannot read
 * PostgreSQL schemas (prisma/prisma#27403). This keeps the same layout and
 * bookkeeping so both paths stay interchangeable.
 */
export interface MigrateOptions {
  databaseUrl: string
  directory: string
  log?: (message: string) => void
}

export interface AppliedMigration {
  name: string
  checksum: string
}

/** Prisma's own advisory lock id, so this and `migrate deploy` exclude. */
const LOCK_ID = 72707369

const BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`

export async function listMigrations (directory: string): Promise<AppliedMigration[]> {
  const entries = await readdir(directory, { withFileTypes: true })
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort()
  return Promise.all(names.map(async (name) => {
    const sql = await readFile(join(directory, name, 'migration.sql'))
    return { name, checksum: createHash('sha256').update(sql).digest('hex') }
  }))
}

/**
 * Creates the database named in the URL when it does not exist, as
 * `prisma migrate deploy` does, by connecting to the `postgres` database.
 */
export async function ensureDatabase (databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl)
  const name = decodeURIComponent(url.pathname.slice(1))
  url.pathname = '/postgres'
  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (found.rowCount) return false
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
    return true
  } catch (err) {
    // Another process created it between the check and the create.
    if ((err as { code?: string }).code === '42P04') return false
    throw err
  } finally {
    await client.end()
  }
}

export async function applyMigrations (options: MigrateOptions): Promise<AppliedMigration[]> {
  const log = options.log ?? (() => {})
  if (await ensureDatabase(options.databaseUrl)) log('created database')
  const client = new pg.Client({ connectionString: options.databaseUrl })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID])
    await client.query(BOOKKEEPING)
    return await applyPending(client, options.directory, log)
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => {})
    await client.end()
  }
}

async function applyPending (
  client: pg.Client,
  directory: string,
  log: (message: string) => void
): Promise<AppliedMigration[]> {
  const done = await client.query<{ migration_name: string, checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
  )
  const applied = new Map(done.rows.map((r) => [r.migration_name, r.checksum]))
  const fresh: AppliedMigration[] = []
  for (const migration of await listMigrations(directory)) {
    const known = applied.get(migration.name)
    if (known !== undefined) {
      if (known !== migration.checksum) {
        log(`warning: ${migration.name} changed after it was applied`)
      }
      continue
    }
    await applyOne(client, directory, migration)
    log(`applied ${migration.name}`)
    fresh.push(migration)
  }
  return fresh
}

async function applyOne (
  client: pg.Client,
  directory: string,
  migration: AppliedMigration
): Promise<void> {
  const sql = await readFile(join(directory, migration.name, 'migration.sql'), 'utf8')
  try {
    await client.query('BEGIN')
    await client.query(sql)
    await client.query(
      `INSERT INTO "_prisma_migrations"
       (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name]
    )
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK')
    throw new MigrationError(`migration ${migration.name} failed`, { cause: err })
  }
}
