/**
 * A Date as Prisma stores it in a `timestamp(3)` column: the UTC wall
 * time. node-postgres would send the process's local time instead.
 */
export function utcTimestamp (date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '')
}

/**
 * Selects a `timestamp(3)` column as an instant: the column holds UTC wall
 * time, which node-postgres would otherwise read as local time.
 */
export function timestampAs (column: string, alias: string): string {
  return `(${column} AT TIME ZONE 'UTC') AS "${alias}"`
}
