import type { DefaultJobOptions, QueueOptions } from 'bullmq'

/** Settings that shape retries and retention of Herald's jobs. */
export interface JobPolicy {
  /** Attempts of a delivery before a transient failure is final. */
  deliveryAttempts: number
  /** Delay before the first retry; doubles on each attempt. */
  backoffMs: number
}

/** Completed jobs kept: enough to inspect, bounded so Redis stays flat. */
const keepCompleted = { age: 3600, count: 1000 }
/** Failed jobs stay longer: an operator looks at them. */
const keepFailed = { age: 7 * 24 * 3600, count: 10000 }

export function eventJobOptions (policy: JobPolicy): DefaultJobOptions {
  return {
    attempts: 10,
    backoff: { type: 'exponential', delay: policy.backoffMs, jitter: 0.5 },
    removeOnComplete: keepCompleted,
    removeOnFail: keepFailed
  }
}

export function deliveryJobOptions (policy: JobPolicy): DefaultJobOptions {
  return {
    attempts: policy.deliveryAttempts,
    backoff: { type: 'exponential', delay: policy.backoffMs, jitter: 0.5 },
    removeOnComplete: keepCompleted,
    removeOnFail: keepFailed
  }
}

/** BullMQ's event stream is capped so it cannot grow without bound. */
export const streamOptions: QueueOptions['streams'] = {
  events: { maxLen: 1000 }
}
