import { UnrecoverableError, type Job } from 'bullmq'
import pRetry from 'p-retry'
import {
  claimDelivery,
  findDelivery,
  releaseForRetry,
  settleFailed,
  settleSent
} from '@herald/db'
import type { DeliveryJobData } from '@herald/queue'
import { classifyFailure } from './failures.js'
import type { WorkerDeps } from './deps.js'

/** The delivery is held by another live worker; try again later. */
export class DeliveryBusyError extends Error {
  readonly code = 'HERALD_ERR_WORKER_DELIVERY_BUSY'
}

/**
 * Sends one delivery at most once. The row is claimed before the provider
 * is called and settled right after; a job that runs again finds it sent
 * (or failed, or skipped) and does nothing.
 */
export async function processDelivery (
  deps: WorkerDeps,
  job: Job<DeliveryJobData>
): Promise<string> {
  const { db, config } = deps
  const id = job.data.deliveryId
  const delivery = await claimDelivery(db, id, config.WORKER_LOCK_MS)
  if (!delivery) {
    const current = await findDelivery(db, id)
    if (!current || current.status !== 'sending') return current?.status ?? 'gone'
    throw new DeliveryBusyError(`delivery ${id} is being sent by another worker`)
  }
  const company = await db.company.findUniqueOrThrow({ where: { id: delivery.companyId } })
  const log = deps.logger.child({ jobId: job.id, deliveryId: id })
  let providerId: string | null
  try {
    ({ providerId } = await deps.email.send(delivery, company))
  } catch (err) {
    return await settleFailure(deps, job, id, err)
  }
  // The provider has the message: record it, retrying the write itself
  // rather than the send, so a database blip cannot cause a second send.
  await pRetry(() => settleSent(db, id, providerId), { retries: 5, minTimeout: 200 })
  log.info({ type: delivery.type, recipient: delivery.recipient }, 'delivery sent')
  return 'sent'
}

async function settleFailure (
  deps: WorkerDeps,
  job: Job<DeliveryJobData>,
  id: string,
  err: unknown
): Promise<never> {
  const failure = classifyFailure(err)
  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
  const log = deps.logger.child({ jobId: job.id, deliveryId: id })
  if (failure.class === 'permanent' || lastAttempt) {
    await settleFailed(deps.db, id, failure.reason)
    log.warn({ reason: failure.reason, attempt: job.attemptsMade + 1 }, 'delivery failed')
    throw new UnrecoverableError(failure.reason)
  }
  await releaseForRetry(deps.db, id, failure.reason)
  log.info({ reason: failure.reason, attempt: job.attemptsMade + 1 }, 'delivery will retry')
  throw err
}
