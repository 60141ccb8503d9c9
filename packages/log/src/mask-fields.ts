import { maskEmail, maskPhone, maskRecipient } from './mask.js'
import { REDACTED } from './redact-paths.js'

type Masker = (value: string) => string

/** Field names holding personal data, and how each is masked. */
const maskers = new Map<string, Masker>([
  ['email', maskEmail],
  ['to', maskRecipient],
  ['recipient', maskRecipient],
  ['mobile', maskPhone],
  ['phone', maskPhone]
])

/**
 * Personal-data paths, top level and one level down. They go through pino's
 * redaction (with {@link censorValue}) rather than a `formatters.log` hook
 * because pino applies redaction to child-logger bindings too, while the
 * bindings formatter only sees the root's base bindings.
 */
export const maskedPaths: string[] = [...maskers.keys()]
  .flatMap((name) => [name, `*.${name}`])

/**
 * The censor pino calls for every redacted path: personal-data fields are
 * masked, everything else (credentials) is replaced by `'[redacted]'`.
 */
export function censorValue (value: unknown, path: string[]): unknown {
  const masker = maskers.get(path[path.length - 1] ?? '')
  if (masker === undefined) return REDACTED
  return maskValue(masker, value)
}

/** Strings and numbers are masked, arrays element-wise; anything else under
 * a personal-data name (an address object, say) is redacted whole. */
function maskValue (masker: Masker, value: unknown): unknown {
  if (value == null) return value
  if (typeof value === 'string') return masker(value)
  if (typeof value === 'number') return masker(String(value))
  if (Array.isArray(value)) {
    return value.map((item: unknown) => maskValue(masker, item))
  }
  return REDACTED
}
