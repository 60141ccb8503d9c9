import type { Database } from './client.js'
import { NotFoundError } from './errors.js'
import { exactOrAmong } from './list-filter.js'
import type { Notification, Prisma } from './generated/prisma/client.js'

export type NotificationFields = Omit<
  Prisma.NotificationUncheckedCreateInput,
  'id' | 'companyId' | 'createdAt' | 'updatedAt'
>

export interface NotificationQuery {
  event?: string
  name?: string
  type?: Notification['type']
  layoutId?: number
  /** `__in` lists: the row's value is one of these. */
  eventIn?: string[]
  typeIn?: Array<Notification['type']>
  layoutIdIn?: number[]
  /** Only those users may switch off (the user API's list). */
  preferenceEnabled?: boolean
  enabled?: boolean
  skip: number
  take: number
  newestFirst: boolean
}

export function createNotification (
  db: Database,
  companyId: string,
  fields: NotificationFields
): Promise<Notification> {
  return db.notification.create({ data: { ...fields, companyId } })
}

export async function listNotifications (
  db: Database,
  companyId: string,
  query: NotificationQuery
): Promise<{ count: number, rows: Notification[] }> {
  const where: Prisma.NotificationWhereInput = {
    companyId,
    event: exactOrAmong(query.event, query.eventIn),
    ...(query.name === undefined ? {} : { name: query.name }),
    type: exactOrAmong(query.type, query.typeIn),
    layoutId: exactOrAmong(query.layoutId, query.layoutIdIn),
    ...(query.enabled === undefined ? {} : { enabled: query.enabled }),
    ...(query.preferenceEnabled === undefined
      ? {}
      : { preferenceEnabled: query.preferenceEnabled })
  }
  const order = query.newestFirst ? 'desc' : 'asc'
  const [count, rows] = await db.$transaction([
    db.notification.count({ where }),
    db.notification.findMany({
      where,
      skip: query.skip,
      take: query.take,
      orderBy: [{ createdAt: order }, { id: order }]
    })
  ])
  return { count, rows }
}

/** The company's notification, or NotFoundError: never another's. */
export async function getNotification (
  db: Database,
  companyId: string,
  id: number
): Promise<Notification> {
  const found = await db.notification.findFirst({ where: { id, companyId } })
  if (!found) throw new NotFoundError()
  return found
}

export async function updateNotification (
  db: Database,
  companyId: string,
  id: number,
  fields: Partial<NotificationFields>
): Promise<Notification> {
  const { count } = await db.notification.updateMany({
    where: { id, companyId },
    data: fields
  })
  if (count === 0) throw new NotFoundError()
  return getNotification(db, companyId, id)
}

export async function deleteNotification (
  db: Database,
  companyId: string,
  id: number
): Promise<void> {
  const { count } = await db.notification.deleteMany({ where: { id, companyId } })
  if (count === 0) throw new NotFoundError()
}

/** Enabled notifications the event triggers, oldest first. */
export function notificationsForEvent (
  db: Database,
  companyId: string,
  event: string
): Promise<Notification[]> {
  return db.notification.findMany({
    where: { companyId, event, enabled: true },
    orderBy: { id: 'asc' }
  })
}
