import type { Config } from '@herald/config'
import type { Database, SecretBox } from '@herald/db'
import type { Logger } from '@herald/log'
import type { Queues } from '@herald/queue'
import type { TemplateRenderer } from '@herald/templates'
import type { EmailChannel } from './channels/email.js'

/** What the processors use; built once by the worker, closed by it too. */
export interface WorkerDeps {
  config: Config
  logger: Logger
  db: Database
  box: SecretBox
  queues: Queues
  renderer: TemplateRenderer
  email: EmailChannel
}
