/** Base of the database package's errors. */
export class DbError extends Error {
  readonly code: string
  readonly statusCode: number

  constructor (code: string, statusCode: number, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
    this.code = code
    this.statusCode = statusCode
  }
}

/** A stored secret cannot be opened: wrong key, tampering or bad data. */
export class SecretBoxError extends DbError {
  constructor (message: string, options?: ErrorOptions) {
    super('HERALD_ERR_DB_SECRET', 500, message, options)
  }
}

/** The row asked for does not exist (for this company). */
export class NotFoundError extends DbError {
  constructor (message = 'Not found.', options?: ErrorOptions) {
    super('HERALD_ERR_DB_NOT_FOUND', 404, message, options)
  }
}

/** A unique constraint refused the write. */
export class ConflictError extends DbError {
  constructor (message = 'Already exists.', options?: ErrorOptions) {
    super('HERALD_ERR_DB_CONFLICT', 409, message, options)
  }
}

/** A migration failed to apply; the database is left as it was. */
export class MigrationError extends DbError {
  constructor (message: string, options?: ErrorOptions) {
    super('HERALD_ERR_DB_MIGRATION', 500, message, options)
  }
}

/** Known Prisma error codes become typed errors in this one place. */
export function mapPrismaError (err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code
  if (code === 'P2025') return new NotFoundError('Not found.', { cause: err })
  if (code === 'P2002') return new ConflictError('Already exists.', { cause: err })
  return err
}
