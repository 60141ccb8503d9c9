import type { Job } from 'bullmq'
import { findDelivery, settleRejectedAfterSend } from '@herald/db'
import type { DeliveryJobData } from '@herald/queue'
import { ReceiptPendingError } from './errors.js'
import { classifyFailure } from './failures.js'
import type { WorkerDeps } from './deps.js'

/**
 * Reads the Expo receipt of a sent push. An error receipt turns the
 * delivery failed with the reason (and DeviceNotRegistered retires the
 * token, see channels/expo.ts); it is not sent again, since the ticket was
 * accepted and a second send could arrive twice. A receipt not ready yet
 * is retried with the delivery backoff; when attempts run out the
 * delivery stays `sent`.
 */
export async function processReceipt (
  deps: WorkerDeps,
  job: Job<DeliveryJobData>
): Promise<string> {
  const delivery = await findDelivery(deps.db, job.data.deliveryId)
  if (delivery?.status !== 'sent' || delivery.provider !== 'expo') {
    return 'nothing to check'
  }
  const company = await deps.db.company.findUniqueOrThrow({
    where: { id: delivery.companyId }
  })
  try {
    const outcome = await deps.channels.expo.receipt(delivery, company)
    if (outcome.ok) return 'delivered'
    const failure = classifyFailure(outcome.error)
    await settleRejectedAfterSend(deps.db, delivery.id, failure.reason)
    const fields = { jobId: job.id, deliveryId: delivery.id, class: failure.class }
    deps.logger.warn(fields, 'push receipt reports failure')
    return 'rejected'
  } catch (err) {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
    if (err instanceof ReceiptPendingError && lastAttempt) return 'receipt never came'
    throw err
  }
}
