import { PLATFORM_EVENTS } from '@herald/platform'

/** Event names the platform accepts for webhooks (protocol §3). */
export const WEBHOOK_EVENTS: ReadonlySet<string> = new Set(PLATFORM_EVENTS)
