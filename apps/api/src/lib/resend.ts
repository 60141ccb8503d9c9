import type { FastifyInstance } from 'fastify'
import { copyDelivery, getDeliveryLog, type Delivery } from '@herald/db'
import { Errors } from '../errors.js'

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/
const E164 = /^\+[1-9]\d{6,14}$/

/** Refuses a recipient the delivery's channel cannot reach. */
function checkRecipient (type: Delivery['type'], recipient: string): void {
  if (!recipient) {
    throw Errors.validation({ recipient: ['The original has no recipient: give one.'] })
  }
  if (type === 'email' && !EMAIL.test(recipient)) {
    throw Errors.validation({ recipient: ['Enter a valid email address.'] })
  }
  if (type === 'sms' && !E164.test(recipient)) {
    throw Errors.validation({ recipient: ['Enter a phone number in E.164 form, e.g. +15550100777.'] })
  }
}

/**
 * Queues a copy of a delivery, to the same or another recipient, as a new
 * log entry. The original is left untouched; asked again while that copy
 * is on its way, it answers the same copy (see `copyDelivery`).
 */
export async function resendDelivery (
  app: FastifyInstance,
  companyId: string,
  id: string,
  recipient: string | undefined
): Promise<Delivery> {
  const original = await getDeliveryLog(app.db, companyId, id)
  const to = (recipient ?? original.recipient).trim()
  checkRecipient(original.type, to)
  const copy = await copyDelivery(app.db, original, to)
  try {
    // The job id is the row's: queueing a copy already queued is a no-op.
    await app.queues.enqueueDeliveries([copy.id])
  } catch (err) {
    // The stored copy is not lost: the workers' sweep queues it, and the
    // client's retry answers the same copy.
    throw Errors.unavailable(err)
  }
  return copy
}
