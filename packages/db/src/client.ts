import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from './generated/prisma/client.js'

export type Database = PrismaClient

export interface DatabaseOptions {
  url: string
  /** Pool size; defaults to pg's own default of 10. */
  max?: number
}

const pools = new WeakMap<Database, pg.Pool>()

/**
 * A Prisma client over a node-postgres pool. The caller closes it with
 * `$disconnect()`, which ends the pool too.
 */
export function createDatabase (options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 3000
  })
  // An idle connection that breaks is dropped by the pool; without a
  // listener the error would end the process.
  pool.on('error', () => {})
  const adapter = new PrismaPg(pool, { disposeExternalPool: true })
  const db = new PrismaClient({ adapter })
  pools.set(db, pool)
  return db
}

/**
 * The node-postgres pool under a client from {@link createDatabase}, for
 * the few statements run for every webhook, event and delivery: Prisma
 * spends several times the database's own time on each query (measured
 * in BENCHMARKS.md), so those run as plain SQL on the same connections.
 */
export function sqlOf (db: Database): pg.Pool {
  const pool = pools.get(db)
  if (pool === undefined) throw new Error('not a client from createDatabase')
  return pool
}
