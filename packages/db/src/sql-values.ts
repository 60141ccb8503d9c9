/**
 * A Date as Prisma stores it in a `timestamp(3)` column: the UTC wall
 * time. node-postgres would send the process's local time instead.
 */
export function utcTimestamp (date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '')
}
