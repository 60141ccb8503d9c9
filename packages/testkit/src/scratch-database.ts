import pg from 'pg'
import { testUrls } from './test-urls.js'
import { uniqueId } from './unique-id.js'

interface TapLike { teardown(fn: () => unknown): void }

/**
 * The URL of a database of the test's own on the test server (created on
 * first connection by the migrator, or by the caller), dropped at teardown.
 * For tests that must see every row of a table.
 */
export function scratchDatabaseUrl (t: TapLike): string {
  const name = uniqueId('herald_scratch').replace(/-/g, '_')
  const url = new URL(testUrls().databaseUrl)
  url.pathname = `/${name}`
  t.teardown(async () => {
    const admin = new URL(url)
    admin.pathname = '/postgres'
    const client = new pg.Client({ connectionString: admin.href })
    await client.connect()
    try {
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
    } finally {
      await client.end()
    }
  })
  return url.href
}
