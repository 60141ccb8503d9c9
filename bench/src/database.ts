import { join } from 'node:path'
import pg from 'pg'
import { applyMigrations } from '@herald/db'

/**
 * Drops the bench database and builds it again from the migrations, so
 * every run starts from the same empty state. Refuses any database whose
 * name does not say it is a bench's.
 */
export async function recreateDatabase (url: string, root: string): Promise<void> {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  if (!name.includes('bench')) {
    throw new Error(`refusing to drop ${name}: the bench database's name ` +
      'must contain "bench"')
  }
  target.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: target.toString() })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} ` +
      'WITH (FORCE)')
  } finally {
    await admin.end()
  }
  await applyMigrations({
    databaseUrl: url,
    directory: join(root, 'prisma', 'migrations')
  })
}

/** Counts the bench reads while it waits; a small pool of its own. */
export interface BenchDb {
  /** Stored events, by status when given. */
  events (status?: 'received' | 'processed'): Promise<number>
  /** Deliveries, by status when given. */
  deliveries (status?: string): Promise<number>
  /** Empties events and deliveries; companies and notifications stay. */
  clearTraffic (): Promise<void>
  close (): Promise<void>
}

export function openBenchDb (url: string): BenchDb {
  const pool = new pg.Pool({ connectionString: url, max: 2 })
  async function countOf (table: string, status?: string): Promise<number> {
    const where = status === undefined ? '' : ' WHERE status = $1'
    const result = await pool.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM ${table}${where}`,
      status === undefined ? [] : [status])
    return Number(result.rows[0]?.n ?? 0)
  }
  return {
    events: (status) => countOf('webhook_events', status),
    deliveries: (status) => countOf('deliveries', status),
    async clearTraffic () {
      await pool.query('TRUNCATE webhook_events, deliveries CASCADE')
    },
    close: () => pool.end()
  }
}
