import type { Config } from '@herald/config'
import type { Database, SecretBox } from '@herald/db'
import type { Logger } from '@herald/log'
import type { PlatformClient } from '@herald/platform'
import type { Queues } from '@herald/queue'
import type { TemplateRenderer } from '@herald/templates'
import type { Channels } from './channels/channels.js'
import type { CompanyLookups } from './company-lookups.js'
import type { DeliveryRecorder } from './metrics.js'

/** What the processors use; built once by the worker, closed by it too. */
export interface WorkerDeps {
  config: Config
  logger: Logger
  db: Database
  box: SecretBox
  queues: Queues
  renderer: TemplateRenderer
  /** The platform API, for users' numbers and devices. */
  platform: PlatformClient
  /** Every provider, chosen per delivery. */
  channels: Channels
  /** Companies, their providers and credentials, briefly reused. */
  lookups: CompanyLookups
  /** Counts each settled delivery; none when nothing is counted. */
  recordDelivery?: DeliveryRecorder
}
