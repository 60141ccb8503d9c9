import { Worker } from 'bullmq'
import { createRedis } from '@herald/queue'
import type { ApiHarness } from './helpers.js'

/** Operator credentials for the queue dashboard. */
export const OPERATOR = {
  BULL_BOARD_USER: 'operator',
  BULL_BOARD_PASSWORD: 'board-password-0123'
}

/** A provider refusal as the worker records it, quoting what it refused. */
export const REFUSAL = 'SMTP rejected the message: 550 <lina.okafor@example.org>' +
  ' unknown; then sms to +15550100777 and push to' +
  ' ExponentPushToken[abcdefghij0123456789]'

/**
 * A failed delivery job whose reason quotes an address, a number and a
 * push token: the worker that failed it is gone once this resolves.
 */
export async function failedDeliveryJob (h: ApiHarness): Promise<string> {
  const job = await h.app.queues.deliveries.add('delivery', { deliveryId: 'd-1' }, {
    jobId: 'delivery-d-1', attempts: 1
  })
  const connection = createRedis(h.config.REDIS_URL, 'worker')
  const worker = new Worker('deliveries', async () => { throw new Error(REFUSAL) }, {
    connection, prefix: h.config.QUEUE_PREFIX
  })
  await new Promise((resolve) => worker.once('failed', resolve))
  await worker.close()
  connection.disconnect()
  return job.id ?? ''
}
