import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '@herald/config'
import {
  createDatabase, SecretBox, type Database, type LookupCache
} from '@herald/db'
import { createAuthenticator, PlatformClient, type Authenticator } from '@herald/platform'
import { createQueues, createRedis, type Queues } from '@herald/queue'
import { createRenderer, type TemplateRenderer } from '@herald/templates'
import type { Redis } from 'ioredis'
import {
  createWebhookCompanies, type WebhookCompany
} from '../lib/webhook-companies.js'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    db: Database
    box: SecretBox
    redis: Redis
    queues: Queues
    platform: PlatformClient
    authenticator: Authenticator
    renderer: TemplateRenderer
    /** Companies and their webhook secrets, briefly reused. */
    webhookCompanies: LookupCache<WebhookCompany>
  }
}

export interface InfrastructureOptions {
  config: Config
}

/** Opens every outside resource once and closes each on shutdown. */
async function infrastructure (
  app: FastifyInstance,
  { config }: InfrastructureOptions
): Promise<void> {
  const oldKeys = config.HERALD_ENCRYPTION_KEYS_OLD.split(',').filter(Boolean)
  const redis = createRedis(config.REDIS_URL, 'producer')
  // ioredis reconnects by itself; without a listener it prints to stderr.
  redis.on('error', (err) => app.log.warn({ err }, 'redis connection error'))
  const platform = new PlatformClient({
    baseUrl: config.PLATFORM_URL,
    timeoutMs: config.PLATFORM_TIMEOUT_MS,
    pageSize: config.PLATFORM_PAGE_SIZE
  })
  const db = createDatabase({
    url: config.DATABASE_URL, max: config.DATABASE_POOL_SIZE
  })
  const box = new SecretBox(config.HERALD_ENCRYPTION_KEY, oldKeys)
  app.decorate('config', config)
  app.decorate('db', db)
  app.decorate('box', box)
  app.decorate('redis', redis)
  app.decorate('queues', createQueues({
    connection: redis,
    prefix: config.QUEUE_PREFIX,
    onError: (err, queue) => app.log.warn({ err, queue }, 'queue connection error'),
    policy: {
      deliveryAttempts: config.DELIVERY_ATTEMPTS,
      backoffMs: config.DELIVERY_BACKOFF_MS
    }
  }))
  app.decorate('platform', platform)
  app.decorate('authenticator', createAuthenticator({
    client: platform,
    ttlMs: config.AUTH_CACHE_TTL_MS,
    max: config.AUTH_CACHE_MAX
  }))
  app.decorate('renderer', createRenderer())
  app.decorate('webhookCompanies',
    createWebhookCompanies(db, box, config.COMPANY_CACHE_TTL_MS))
  app.addHook('onClose', closeInfrastructure)
}

async function closeInfrastructure (app: FastifyInstance): Promise<void> {
  const results = await Promise.allSettled([
    app.queues.close(),
    app.db.$disconnect(),
    app.platform.close()
  ])
  app.redis.disconnect()
  for (const result of results) {
    if (result.status === 'rejected') {
      app.log.warn({ err: result.reason }, 'resource failed to close')
    }
  }
}

export default fp(infrastructure, { name: 'herald-infrastructure' })
