import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { recordEvent, type Company } from '@herald/db'
import { Errors } from '../errors.js'
import type { WebhookCompany } from './webhook-companies.js'

const SECRET_SCHEME = /^secret\s+(\S+)\s*$/i

const digest = (value: string): Buffer =>
  createHash('sha256').update(value).digest()

/**
 * Compares secrets in constant time: both sides are hashed first so their
 * lengths match and the comparison leaks neither content nor length.
 */
export function secretsMatch (given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

/** The active company whose secret the request carries, or a 400. */
export async function authenticateWebhook (
  app: FastifyInstance,
  companyId: string,
  authorization: string | undefined
): Promise<Company> {
  const given = SECRET_SCHEME.exec(authorization ?? '')?.[1]
  const found = await loadCompany(app, companyId)
  const expected = found?.secret ?? null
  // Compare even when the company is unknown, so timing tells nothing.
  const matches = secretsMatch(given ?? '', expected ?? '\u0000')
  if (!found || !expected || !given || !matches) throw Errors.invalidCompany()
  return found.company
}

async function loadCompany (
  app: FastifyInstance,
  id: string
): Promise<WebhookCompany | null> {
  try {
    return await app.webhookCompanies.get(id)
  } catch (err) {
    throw Errors.unavailable(err)
  }
}

export interface WebhookBody {
  id: string | number
  event: string
  company: string
  data: Record<string, unknown>
}

/**
 * Stores the event and queues it. A duplicate id is queued again only
 * while it is still waiting to be processed: the job id makes that a
 * no-op when the job exists, and it heals an earlier attempt whose
 * enqueue failed after the insert.
 */
export async function acceptWebhook (
  app: FastifyInstance,
  company: Company,
  body: WebhookBody
): Promise<{ duplicate: boolean }> {
  try {
    const stored = await recordEvent(app.db, {
      companyId: company.id,
      eventId: String(body.id),
      event: body.event,
      data: body.data
    })
    if (stored.status === 'received') await app.queues.enqueueEvent(stored.id)
    return { duplicate: !stored.inserted }
  } catch (err) {
    throw Errors.unavailable(err)
  }
}
