import type { FastifyInstance } from 'fastify'
import { findLayout } from '@herald/db'
import { Errors } from '../errors.js'

/**
 * Refuses a notification whose `layout` is not one of the company's
 * layouts for the same channel. Another company's id reads as unknown.
 */
export async function checkLayoutRef (
  app: FastifyInstance,
  companyId: string,
  notification: { type: string, layout?: number | null | undefined }
): Promise<void> {
  const id = notification.layout
  if (id === undefined || id === null) return
  const layout = await findLayout(app.db, companyId, id)
  if (!layout) {
    throw Errors.validation({ layout: [`Invalid pk "${id}" - object does not exist.`] })
  }
  if (layout.type !== notification.type) {
    throw Errors.validation({
      layout: [`The layout is for ${layout.type}, not ${notification.type}.`]
    })
  }
}
