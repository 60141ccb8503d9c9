/** The queues Herald uses; every key in Redis starts with the prefix. */
export const QueueName = {
  /** One job per stored webhook event: match notifications, fan out. */
  events: 'events',
  /** One job per delivery row: send one message to one recipient. */
  deliveries: 'deliveries',
  /** One job per manual trigger: resolve users and groups, fan out. */
  triggers: 'triggers'
} as const

export type QueueName = (typeof QueueName)[keyof typeof QueueName]

/** Payload of an `events` job: ids only, the processor re-reads the rest. */
export interface EventJobData {
  webhookEventId: string
}

/** Payload of a `deliveries` job. */
export interface DeliveryJobData {
  deliveryId: string
  /**
   * Set once the provider accepted the message but the database could
   * not record it: the provider's message id (null when it gives none).
   * A later run of the job records the send and never sends again.
   */
  acceptedAs?: string | null
}

/** Payload of a `triggers` job. */
export interface TriggerJobData {
  triggerId: string
}

/** Job ids double as dedupe keys: adding an existing id is a no-op. */
export const eventJobId = (webhookEventId: string): string =>
  `event-${webhookEventId}`

export const deliveryJobId = (deliveryId: string): string =>
  `delivery-${deliveryId}`

export const triggerJobId = (triggerId: string): string =>
  `trigger-${triggerId}`
