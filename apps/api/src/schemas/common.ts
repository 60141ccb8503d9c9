import { Type, type TSchema } from 'typebox'

/** `{"status":"success"}` — the answer to actions. */
export const Success = Type.Object({ status: Type.Literal('success') })

/** The platform's error envelope, for every 4xx and 5xx. */
export const ErrorEnvelope = Type.Object({
  status: Type.Literal('error'),
  message: Type.String(),
  data: Type.Record(Type.String(), Type.Array(Type.String()))
})

export const errorResponses = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  429: ErrorEnvelope,
  502: ErrorEnvelope,
  503: ErrorEnvelope
}

/** `{"status":"success","data":...}` around a payload schema. */
export const SuccessOf = <T extends Parameters<typeof Type.Object>[0][string]>(data: T) =>
  Type.Object({ status: Type.Literal('success'), data })

/** Largest `page_size` a list accepts, as on the platform. */
export const MAX_PAGE_SIZE = 250

/** `page`, `page_size` and `orderby`, shared by every list. */
export const pageQuery = {
  // Bounded: a page number past any real list once made an offset the
  // database refused (a 500 where a 400 belongs).
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  page_size: Type.Optional(Type.Integer({
    minimum: 1, maximum: MAX_PAGE_SIZE, default: 15
  })),
  orderby: Type.Optional(Type.Enum(['created', '-created'], {
    description: 'Oldest first (`created`, the default) or newest first.'
  }))
}

/** The platform's list envelope around items of one schema. */
export const PageOf = <T extends TSchema>(item: T) => Type.Object({
  count: Type.Integer(),
  next: Type.Union([Type.String(), Type.Null()]),
  previous: Type.Union([Type.String(), Type.Null()]),
  results: Type.Array(item)
})

/** Milliseconds since the epoch, as every timestamp in API bodies. */
export const Millis = (description = 'Milliseconds since the epoch.') =>
  Type.Integer({ description })

/** A value or null. */
export const Nullable = <T extends TSchema>(schema: T) =>
  Type.Union([schema, Type.Null()])

/** Largest id of an integer primary key (PostgreSQL `integer`). */
export const MAX_ROW_ID = 2147483647

/** The most values one `__in` filter takes. */
export const MAX_IN_VALUES = 100

/** The three channels a notification can use. */
export const CHANNELS = ['email', 'sms', 'push'] as const

/** One `__in` item: a channel, an integer row id, or any text. */
export const IN_ITEM = {
  channel: CHANNELS.join('|'),
  id: '[1-9][0-9]{0,9}',
  text: (maxLength: number) => `[^,]{1,${maxLength}}`
}

/**
 * An `__in` list filter, `type__in=sms,push`: comma-separated values,
 * each matching `item` (a regular expression source), as on the platform.
 */
export const InList = (item: string, description: string) =>
  Type.Optional(Type.String({
    pattern: `^(?:${item})(?:,(?:${item})){0,${MAX_IN_VALUES - 1}}$`,
    maxLength: 10_000,
    description
  }))

/** Integer path id of a database row. */
export const IntegerId = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: MAX_ROW_ID })
})

/**
 * Read-only fields a client may send back unchanged (as after a GET):
 * accepted and ignored, as the platform's own API does.
 */
export const readOnlyEcho = {
  id: Type.Optional(Type.Unknown({ description: 'Read-only; ignored.' })),
  created: Type.Optional(Type.Unknown({ description: 'Read-only; ignored.' })),
  updated: Type.Optional(Type.Unknown({ description: 'Read-only; ignored.' }))
}
