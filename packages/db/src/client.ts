import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from './generated/prisma/client.js'

export type Database = PrismaClient

export interface DatabaseOptions {
  url: string
  /** Pool size; defaults to pg's own default of 10. */
  max?: number
}

/** A Prisma client over node-postgres. The caller closes it with `$disconnect()`. */
export function createDatabase (options: DatabaseOptions): Database {
  const adapter = new PrismaPg({
    connectionString: options.url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 3000
  })
  return new PrismaClient({ adapter })
}
