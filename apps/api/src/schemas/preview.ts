import { Type, type Static } from 'typebox'
import { Nullable } from './common.js'
import { Channel, SHORT_MESSAGE_MAX, Variants } from './notification.js'

const Text = (maxLength: number) => Type.String({ maxLength })

const previewOptions = {
  data: Type.Optional(Type.Record(Type.String(), Type.Unknown(), {
    description: "The webhook `data` to render with; without it, a sample " +
      "payload for the notification's event."
  })),
  language: Type.Optional(Type.String({
    maxLength: 35, description: 'A recipient language, to see its variant.'
  }))
}

/** `POST /admin/notifications/{id}/preview/`. */
export const PreviewBody = Type.Object(previewOptions, { additionalProperties: false })

/**
 * The fields of an unsaved notification that a preview renders; other
 * fields (a whole notification pasted in) are ignored.
 */
export const UnsavedNotification = Type.Object({
  type: Type.Optional(Channel),
  event: Type.Optional(Text(100)),
  subject: Type.Optional(Text(500)),
  html_message: Type.Optional(Text(100000)),
  text_message: Type.Optional(Text(100000)),
  sms_message: Type.Optional(Text(SHORT_MESSAGE_MAX)),
  push_message: Type.Optional(Text(SHORT_MESSAGE_MAX)),
  to_email: Type.Optional(Text(500)),
  to_mobile: Type.Optional(Text(500)),
  to_user: Type.Optional(Text(500)),
  from_email: Type.Optional(Text(500)),
  expression: Type.Optional(Text(2000)),
  variants: Type.Optional(Variants)
}, { additionalProperties: true })

/** `POST /admin/notifications/preview/`: the notification in the body. */
export const UnsavedPreviewBody = Type.Object({
  notification: UnsavedNotification,
  ...previewOptions
}, { additionalProperties: false })

const Rendered = (names: readonly string[]) => Type.Object(Object.fromEntries(
  names.map((name) => [name, Nullable(Type.String())])))

/** What the notification would send. */
export const Preview = Type.Object({
  event: Type.String(),
  data_source: Type.Enum(['body', 'sample'], {
    description: 'Whether the data came from the request or a sample.'
  }),
  language: Nullable(Type.String()),
  variant: Nullable(Type.String({ description: 'The variant used, if any.' })),
  condition: Type.Object({
    expression: Type.String(),
    rendered: Nullable(Type.String()),
    send: Type.Boolean({ description: 'Whether it would be sent.' }),
    error: Nullable(Type.String({ description: 'Why the condition failed.' }))
  }),
  channels: Type.Object({
    email: Rendered(['to_email', 'from_email', 'subject', 'text_message', 'html_message']),
    sms: Rendered(['to_mobile', 'sms_message']),
    push: Rendered(['to_user', 'push_message'])
  }, { description: 'Every field rendered; null where its template fails.' }),
  errors: Type.Record(Type.String(), Type.String(), {
    description: 'Why a field did not render, with line and column.'
  }),
  missing: Type.Array(Type.String(), {
    description: 'Variables the templates looked up that the data lacks.'
  })
})

export type PreviewBody = Static<typeof PreviewBody>
export type UnsavedPreviewBody = Static<typeof UnsavedPreviewBody>
