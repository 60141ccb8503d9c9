import type { Database } from './client.js'
import type { Prisma, Trigger } from './generated/prisma/client.js'

export interface NewTrigger {
  companyId: string
  notificationId: number
  users: string[]
  groups: string[]
  data: Record<string, unknown>
}

/** Records an admin's manual send; the worker does the rest. */
export function createTrigger (db: Database, trigger: NewTrigger): Promise<Trigger> {
  return db.trigger.create({
    data: {
      companyId: trigger.companyId,
      notificationId: trigger.notificationId,
      users: trigger.users,
      groups: trigger.groups,
      data: trigger.data as Prisma.InputJsonObject
    }
  })
}

export function findTrigger (db: Database, id: string): Promise<Trigger | null> {
  return db.trigger.findUnique({ where: { id } })
}

export async function markTriggerProcessed (db: Database, id: string): Promise<void> {
  await db.trigger.update({
    where: { id },
    data: { status: 'processed', processedAt: new Date() }
  })
}

/** Ids of a trigger's deliveries that still wait to be sent. */
export async function queuedTriggerDeliveryIds (
  db: Database,
  triggerId: string
): Promise<string[]> {
  const rows = await db.delivery.findMany({
    where: { triggerId, status: 'queued' },
    select: { id: true }
  })
  return rows.map((row) => row.id)
}
