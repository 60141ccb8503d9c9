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
 * log entry. The original is left untouched.
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
    await app.queues.enqueueDeliveries([copy.id])
  } catch (err) {
    // Unqueued, the copy would wait forever: drop it, the client retries.
    await app.db.delivery.delete({ where: { id: copy.id } }).catch(() => {})
    throw Errors.unavailable(err)
  }
  return copy
}
