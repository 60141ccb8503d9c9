import type { DefaultJobOptions, QueueOptions } from 'bullmq'

/** Settings that shape retries and retention of Herald's jobs. */
export interface JobPolicy {
  /** Attempts of a delivery before a transient failure is final. */
  deliveryAttempts: number
  /** Delay before the first retry; doubles on each attempt. */
  backoffMs: number
  /** Completed jobs kept; default {@link KEEP_COMPLETED}. */
  keepCompleted?: KeepJobs
  /** Failed jobs kept; default {@link KEEP_FAILED}. */
  keepFailed?: KeepJobs
}

/** How many finished jobs Redis keeps, and for how long (seconds). */
export interface KeepJobs {
  age: number
  count: number
}

/** Completed jobs kept: enough to inspect, bounded so Redis stays flat. */
export const KEEP_COMPLETED: KeepJobs = { age: 3600, count: 1000 }
/** Failed jobs stay longer: an operator looks at them. */
export const KEEP_FAILED: KeepJobs = { age: 7 * 24 * 3600, count: 10000 }

function retention (policy: JobPolicy): DefaultJobOptions {
  return {
    removeOnComplete: policy.keepCompleted ?? KEEP_COMPLETED,
    removeOnFail: policy.keepFailed ?? KEEP_FAILED
  }
}

export function eventJobOptions (policy: JobPolicy): DefaultJobOptions {
  return {
    attempts: 10,
    backoff: { type: 'exponential', delay: policy.backoffMs, jitter: 0.5 },
    ...retention(policy)
  }
}

export function deliveryJobOptions (policy: JobPolicy): DefaultJobOptions {
  return {
    attempts: policy.deliveryAttempts,
    backoff: { type: 'exponential', delay: policy.backoffMs, jitter: 0.5 },
    ...retention(policy)
  }
}

/** Entries kept in each queue's event stream (trimmed approximately). */
export const EVENT_STREAM_MAX_LEN = 1000

/** BullMQ's event stream is capped so it cannot grow without bound. */
export const streamOptions: QueueOptions['streams'] = {
  events: { maxLen: EVENT_STREAM_MAX_LEN }
}
