/**
 * Paths pino censors with `'[redacted]'` in every log line: credentials
 * that must never be written, not even in part. Personal data (addresses,
 * numbers) is masked instead, see `mask-fields.ts`.
 */
export const redactPaths: string[] = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  '*.authorization',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'serviceToken',
  '*.serviceToken',
  'webhookSecret',
  '*.webhookSecret',
  'credentials',
  '*.credentials'
]

/** The value written in place of a redacted field. */
export const REDACTED = '[redacted]'
