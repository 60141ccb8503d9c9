import type { Database } from './client.js'
import { NotFoundError } from './errors.js'
import { exactOrAmong } from './list-filter.js'
import type { Layout, NotificationType, Prisma } from './generated/prisma/client.js'

export type LayoutFields = Omit<
  Prisma.LayoutUncheckedCreateInput,
  'id' | 'companyId' | 'createdAt' | 'updatedAt'
>

export interface LayoutQuery {
  type?: NotificationType
  /** `__in` list: the layout's type is one of these. */
  typeIn?: NotificationType[]
  name?: string
  skip: number
  take: number
  newestFirst: boolean
}

export function createLayout (
  db: Database,
  companyId: string,
  fields: LayoutFields
): Promise<Layout> {
  return db.layout.create({ data: { ...fields, companyId } })
}

export async function listLayouts (
  db: Database,
  companyId: string,
  query: LayoutQuery
): Promise<{ count: number, rows: Layout[] }> {
  const where: Prisma.LayoutWhereInput = {
    companyId,
    type: exactOrAmong(query.type, query.typeIn),
    ...(query.name === undefined ? {} : { name: query.name })
  }
  const order = query.newestFirst ? 'desc' : 'asc'
  const [count, rows] = await db.$transaction([
    db.layout.count({ where }),
    db.layout.findMany({
      where,
      skip: query.skip,
      take: query.take,
      orderBy: [{ createdAt: order }, { id: order }]
    })
  ])
  return { count, rows }
}

/** The company's layout, or null: never another company's. */
export function findLayout (
  db: Database,
  companyId: string,
  id: number
): Promise<Layout | null> {
  return db.layout.findFirst({ where: { id, companyId } })
}

/** The company's layout, or NotFoundError. */
export async function getLayout (
  db: Database,
  companyId: string,
  id: number
): Promise<Layout> {
  const found = await findLayout(db, companyId, id)
  if (!found) throw new NotFoundError()
  return found
}

export async function updateLayout (
  db: Database,
  companyId: string,
  id: number,
  fields: Partial<LayoutFields>
): Promise<Layout> {
  const { count } = await db.layout.updateMany({
    where: { id, companyId },
    data: fields
  })
  if (count === 0) throw new NotFoundError()
  return getLayout(db, companyId, id)
}

/** Deletes the layout; notifications that used it keep their own bodies. */
export async function deleteLayout (
  db: Database,
  companyId: string,
  id: number
): Promise<void> {
  const { count } = await db.layout.deleteMany({ where: { id, companyId } })
  if (count === 0) throw new NotFoundError()
}
