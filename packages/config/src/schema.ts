import { Type, type Static } from 'typebox'

const Url = (description: string, fallback?: string) =>
  Type.String({
    pattern: '^[a-z][a-z0-9+.-]*://',
    description,
    ...(fallback === undefined ? {} : { default: fallback })
  })

const Int = (description: string, fallback: number, minimum = 0) =>
  Type.Integer({ description, default: fallback, minimum })

/**
 * Every setting Herald reads, with its default. `.env.example` documents the
 * same keys; a test keeps the two in step.
 */
export const ConfigSchema = Type.Object({
  DATABASE_URL: Url('PostgreSQL connection string.'),
  DATABASE_POOL_SIZE: Int('PostgreSQL connections each process keeps open at most.', 10, 1),
  REDIS_URL: Url('Redis connection string.', 'redis://127.0.0.1:6379'),
  PLATFORM_URL: Url(
    'Base URL of the platform API (without /3/).',
    'https://api.rehive.com'
  ),
  PUBLIC_URL: Url(
    'Public base URL of this extension, used to register webhooks.',
    'http://localhost:3000'
  ),
  HERALD_ENCRYPTION_KEY: Type.String({
    pattern: '^[A-Za-z0-9+/_-]{43}=?$',
    description: '32 random bytes, base64: encrypts stored tokens and secrets.'
  }),
  HERALD_ENCRYPTION_KEYS_OLD: Type.String({
    default: '',
    pattern: '^([A-Za-z0-9+/_-]{43}=?)?(,[A-Za-z0-9+/_-]{43}=?)*$',
    description: 'Earlier keys, comma separated, still accepted for reading.'
  }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) =>
      Type.Literal(l)
    ),
    { default: 'info', description: 'pino log level.' }
  ),
  HOST: Type.String({ default: '0.0.0.0', description: 'API listen address.' }),
  PORT: Int('API listen port.', 3000),
  API_BASE_PATH: Type.String({
    default: '/api',
    pattern: '^(/[A-Za-z0-9._~-]+)*$',
    description: 'Prefix of every API route; empty mounts at the root.'
  }),
  BODY_LIMIT_BYTES: Int('Largest request body accepted.', 1048576, 1024),
  AUTH_CACHE_TTL_MS: Int('How long a platform auth result is reused.', 30000),
  AUTH_CACHE_MAX: Int('Most auth results kept in memory.', 10000, 1),
  COMPANY_CACHE_TTL_MS: Int(
    'How long a company, its webhook secret and its credentials are reused ' +
      'from memory; 0 reads them every time.',
    5000
  ),
  PLATFORM_TIMEOUT_MS: Int('Timeout of each platform API call.', 8000, 100),
  PLATFORM_PAGE_SIZE: Type.Integer({
    default: 100,
    minimum: 1,
    maximum: 250,
    description: 'Page size asked of the platform when listing (e.g. group members).'
  }),
  REGISTER_WEBHOOKS: Type.Boolean({
    default: true,
    description: 'Register platform webhooks on activation.'
  }),
  QUEUE_PREFIX: Type.String({
    default: 'herald',
    pattern: '^[A-Za-z0-9_-]+$',
    description: 'Prefix of every BullMQ key in Redis.'
  }),
  WORKER_CONCURRENCY: Int('Deliveries one worker runs at once.', 16, 1),
  WORKER_LOCK_MS: Int('Job lock; a dead worker\'s job runs again after it.', 30000, 1000),
  DELIVERY_ATTEMPTS: Int('Attempts before a transient failure is final.', 8, 1),
  DELIVERY_BACKOFF_MS: Int('First retry delay; doubles each attempt.', 2000, 1),
  SHUTDOWN_TIMEOUT_MS: Int('Time in-flight work gets on SIGTERM.', 10000, 0),
  SMTP_HOST: Type.String({ default: '127.0.0.1', description: 'Default SMTP host.' }),
  SMTP_PORT: Int('Default SMTP port.', 1025, 1),
  SMTP_SECURE: Type.Boolean({ default: false, description: 'Use implicit TLS.' }),
  SMTP_USER: Type.String({ default: '', description: 'Default SMTP user.' }),
  SMTP_PASSWORD: Type.String({ default: '', description: 'Default SMTP password.' }),
  SMTP_FROM: Type.String({
    default: '',
    description: 'Sender when neither notification nor company names one.'
  }),
  PROVIDER_TIMEOUT_MS: Int('Timeout of each call to an email, SMS or push provider.', 10000, 100),
  SENDGRID_API_URL: Url('SendGrid API base URL.', 'https://api.sendgrid.com'),
  TWILIO_API_URL: Url('Twilio REST API base URL.', 'https://api.twilio.com'),
  EXPO_API_URL: Url('Expo push API base URL.', 'https://exp.host'),
  EXPO_RECEIPT_DELAY_MS: Int('Wait before reading an Expo push receipt.', 900000),
  WEBPUSH_ALLOW_HTTP: Type.Boolean({
    default: false,
    description: 'Accept plain-http and local-address Web Push endpoints (tests only).'
  }),
  RATE_LIMIT_MAX: Int('Requests per client address per window on public routes.', 1200, 1),
  WEBHOOK_RATE_LIMIT_MAX: Int(
    'Webhook requests per client address per window; generous for platform bursts.',
    20000,
    1
  ),
  RATE_LIMIT_WINDOW_MS: Int('Length of the rate-limit window.', 60000, 1000),
  METRICS_TOKEN: Type.String({
    default: '',
    description: 'When set, /metrics needs `Authorization: Bearer <token>`.'
  }),
  WORKER_METRICS_PORT: Int('Port of the worker\'s /metrics and /health; 0 turns it off.', 9464),
  BULL_BOARD_PATH: Type.String({
    default: '/admin/queues',
    pattern: '^(/[A-Za-z0-9._~-]+)+$',
    description: 'Where the queue dashboard is served.'
  }),
  BULL_BOARD_USER: Type.String({
    default: '',
    description: 'Operator user name for the dashboard (HTTP basic).'
  }),
  BULL_BOARD_PASSWORD: Type.String({
    default: '',
    description: 'Operator password for the dashboard; empty turns basic sign-in off.'
  }),
  BULL_BOARD_COMPANIES: Type.String({
    default: '',
    description: 'Companies, comma separated, whose platform admins may open the dashboard.'
  }),
  BULL_BOARD_READ_ONLY: Type.Boolean({
    default: true,
    description: 'Dashboard shows jobs only; false allows retry, remove, pause.'
  }),
  RETENTION_DAYS: Int('Days delivery logs and stored events are kept; 0 keeps them.', 30),
  MAINTENANCE_INTERVAL_MS: Int(
    'How often a worker sweeps stuck events and prunes old rows; 0 turns it off.',
    60000
  ),
  SWEEP_AFTER_MS: Int('Age after which an unqueued event or delivery is queued again.', 300000, 100)
})

export type Config = Static<typeof ConfigSchema>
