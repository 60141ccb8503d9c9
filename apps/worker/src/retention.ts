import type { Database } from '@herald/db'

/** Rows deleted per statement: short locks, short transactions. */
export const PRUNE_BATCH = 1000
/** Batches per table and run, so one run stays bounded; the rest waits. */
export const PRUNE_MAX_BATCHES = 50

/** Rows removed, by table. */
export interface PruneReport {
  deliveries: number
  events: number
  triggers: number
}

const DAY_MS = 24 * 3600 * 1000

/**
 * Deletes delivery logs, stored events and triggers older than `days`,
 * oldest first, in batches. Only finished rows go: a delivery still
 * queued or sending and an event or trigger not yet processed are work
 * the sweep is responsible for, whatever their age. A webhook whose
 * stored event was pruned would be taken as new if the platform sent it
 * again, so keep `days` well above the platform's retry window.
 */
export async function pruneExpired (
  db: Database,
  days: number,
  now: Date = new Date()
): Promise<PruneReport> {
  const cutoff = new Date(now.getTime() - days * DAY_MS)
  const deliveries = await inBatches(() => db.$executeRaw`
    DELETE FROM deliveries WHERE id IN (
      SELECT id FROM deliveries
      WHERE status IN ('sent', 'failed', 'skipped') AND created_at < ${cutoff}
      ORDER BY created_at LIMIT ${PRUNE_BATCH})`)
  const events = await inBatches(() => db.$executeRaw`
    DELETE FROM webhook_events WHERE id IN (
      SELECT id FROM webhook_events
      WHERE status IN ('processed', 'failed') AND received_at < ${cutoff}
      ORDER BY received_at LIMIT ${PRUNE_BATCH})`)
  const triggers = await inBatches(() => db.$executeRaw`
    DELETE FROM triggers WHERE id IN (
      SELECT id FROM triggers
      WHERE status IN ('processed', 'failed') AND created_at < ${cutoff}
      ORDER BY created_at LIMIT ${PRUNE_BATCH})`)
  return { deliveries, events, triggers }
}

async function inBatches (deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0
  for (let batch = 0; batch < PRUNE_MAX_BATCHES; batch++) {
    const deleted = await deleteBatch()
    total += deleted
    if (deleted < PRUNE_BATCH) break
  }
  return total
}
