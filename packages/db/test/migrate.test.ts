import t from 'tap'
import { createHash } from 'node:crypto'
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { scratchDatabaseUrl } from '@herald/testkit'
import { applyMigrations, MigrationError } from '../src/index.js'

interface TapLike { teardown(fn: () => unknown): void }

async function migrationsDir (t: TapLike, files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'herald-mig-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(join(dir, name))
    await writeFile(join(dir, name, 'migration.sql'), sql)
  }
  return dir
}

async function query (url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

t.test('applies pending migrations in order and records them as Prisma does', async (t) => {
  const url = scratchDatabaseUrl(t)
  const first = 'CREATE TABLE a (id int);'
  const dir = await migrationsDir(t, {
    '20260101000000_first': first,
    '20260102000000_second': 'ALTER TABLE a ADD COLUMN b text;'
  })
  const applied = await applyMigrations({ databaseUrl: url, directory: dir })
  t.same(applied.map((m) => m.name), ['20260101000000_first', '20260102000000_second'])
  const rows = await query(url, `SELECT migration_name, checksum, applied_steps_count,
    finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name`)
  t.match(rows[0], {
    migration_name: '20260101000000_first',
    checksum: createHash('sha256').update(first).digest('hex'),
    applied_steps_count: 1,
    finished: true
  })
  t.same(await applyMigrations({ databaseUrl: url, directory: dir }), [], 'a second run applies nothing')
})

t.test('a failing migration leaves nothing half done', async (t) => {
  const url = scratchDatabaseUrl(t)
  const dir = await migrationsDir(t, {
    '20260101000000_ok': 'CREATE TABLE a (id int);',
    '20260102000000_broken': 'CREATE TABLE b (id int); SELECT * FROM missing;'
  })
  await t.rejects(applyMigrations({ databaseUrl: url, directory: dir }), MigrationError)
  const tables = await query(url, `SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' ORDER BY table_name`)
  t.same(tables, [{ table_name: '_prisma_migrations' }, { table_name: 'a' }])
})

t.test('the project\'s migrations apply to an empty database', async (t) => {
  const url = scratchDatabaseUrl(t)
  const dir = new URL('../../../prisma/migrations', import.meta.url).pathname
  const applied = await applyMigrations({ databaseUrl: url, directory: dir })
  t.ok(applied.length >= 1)
  const tables = await query(url, `SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' ORDER BY table_name`)
  t.same(tables.map((r) => (r as { table_name: string }).table_name),
    ['_prisma_migrations', 'companies', 'credentials', 'deliveries', 'layouts',
      'notifications', 'push_subscriptions', 'retired_push_tokens', 'triggers',
      'user_preferences', 'webhook_events'])
})
