import { UnrecoverableError, type Job } from 'bullmq'
import pRetry from 'p-retry'
import {
  claimDelivery,
  findDelivery,
  releaseForRetry,
  settleFailed,
  settleSent,
  type Delivery
} from '@herald/db'
import type { DeliveryJobData } from '@herald/queue'
import { DeliveryBusyError } from './errors.js'
import { classifyFailure } from './failures.js'
import { maskReason } from './mask-reason.js'
import type { WorkerDeps } from './deps.js'

export { DeliveryBusyError }

/** Name of the delayed job that reads an Expo receipt (deliveries queue). */
export const RECEIPT_JOB = 'receipt'

/**
 * Sends one delivery at most once. The row is claimed before the provider
 * is called and settled right after; a job that runs again finds it sent
 * (or failed, or skipped) and does nothing. The channel is picked by the
 * row's type and provider.
 */
export async function processDelivery (
  deps: WorkerDeps,
  job: Job<DeliveryJobData>
): Promise<string> {
  const { db, config } = deps
  const id = job.data.deliveryId
  if (job.data.acceptedAs !== undefined) {
    // An earlier run sent it and could not record that: record it now.
    await settleSent(db, id, job.data.acceptedAs)
    const settled = await findDelivery(db, id)
    if (settled) record(deps, job, settled, 'sent')
    deps.logger.info({ jobId: job.id, deliveryId: id }, 'delivery sent, recorded late')
    return 'sent'
  }
  const delivery = await claimDelivery(db, id, config.WORKER_LOCK_MS)
  if (!delivery) {
    const current = await findDelivery(db, id)
    if (!current || current.status !== 'sending') return current?.status ?? 'gone'
    throw new DeliveryBusyError(id)
  }
  const company = await deps.lookups.company(delivery.companyId)
  let sent: Awaited<ReturnType<WorkerDeps['channels']['send']>>
  try {
    sent = await deps.channels.send(delivery, company)
  } catch (err) {
    return await settleFailure(deps, job, delivery, err)
  }
  await recordSend(deps, job, sent.providerId)
  record(deps, job, delivery, 'sent')
  const log = deps.logger.child({ jobId: job.id, deliveryId: id })
  const { type, provider, recipient } = delivery
  log.info({ type, provider, recipient }, 'delivery sent')
  if (sent.receipt) await scheduleReceipt(deps, delivery)
  return 'sent'
}

/**
 * The provider has the message: record it, retrying the write rather
 * than the send. When PostgreSQL stays away longer than the retries, the
 * job itself (in Redis) keeps the fact, so its next run records the send
 * instead of claiming the row again once its lease lapses and sending a
 * second copy.
 */
async function recordSend (
  deps: WorkerDeps,
  job: Job<DeliveryJobData>,
  providerId: string | null
): Promise<void> {
  const id = job.data.deliveryId
  const settle = () => settleSent(deps.db, id, providerId)
  try {
    await settle()
  } catch {
    await job.updateData({ ...job.data, acceptedAs: providerId })
    await pRetry(settle, { retries: 5, minTimeout: 200 })
  }
}

/**
 * Queues the receipt check EXPO_RECEIPT_DELAY_MS from now. Losing it only
 * loses the late verdict on a message already sent, so a failure to queue
 * is logged, not thrown: throwing would not send anything again either.
 */
async function scheduleReceipt (deps: WorkerDeps, delivery: Delivery): Promise<void> {
  try {
    await pRetry(() => deps.queues.deliveries.add(
      RECEIPT_JOB,
      { deliveryId: delivery.id },
      { jobId: `receipt-${delivery.id}`, delay: deps.config.EXPO_RECEIPT_DELAY_MS }
    ), { retries: 3, minTimeout: 200 })
  } catch (err) {
    deps.logger.warn({ err, deliveryId: delivery.id }, 'receipt check not queued')
  }
}

function record (
  deps: WorkerDeps,
  job: Job<DeliveryJobData>,
  delivery: Delivery,
  state: 'sent' | 'failed' | 'retried'
): void {
  deps.recordDelivery?.({
    channel: delivery.type,
    state,
    startedAt: job.processedOn,
    createdAt: delivery.createdAt
  })
}

async function settleFailure (
  deps: WorkerDeps,
  job: Job<DeliveryJobData>,
  delivery: Delivery,
  err: unknown
): Promise<never> {
  const failure = classifyFailure(err)
  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
  const log = deps.logger.child({ jobId: job.id, deliveryId: delivery.id })
  const fields = {
    reason: maskReason(failure.reason),
    class: failure.class,
    provider: delivery.provider,
    attempt: job.attemptsMade + 1
  }
  if (failure.class === 'permanent' || lastAttempt) {
    await settleFailed(deps.db, delivery.id, failure.reason)
    record(deps, job, delivery, 'failed')
    log.warn(fields, 'delivery failed')
    throw new UnrecoverableError(failure.reason)
  }
  await releaseForRetry(deps.db, delivery.id, failure.reason)
  record(deps, job, delivery, 'retried')
  log.info(fields, 'delivery will retry')
  throw err
}
