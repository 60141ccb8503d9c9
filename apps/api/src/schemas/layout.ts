import { Type, type Static } from 'typebox'
import {
  IN_ITEM, InList, IntegerId, Millis, Nullable, pageQuery, readOnlyEcho
} from './common.js'
import { Channel } from './notification.js'

const writable = {
  type: Channel,
  name: Type.String({ maxLength: 100 }),
  description: Type.String({ maxLength: 500 }),
  body: Type.String({
    maxLength: 100000,
    description: 'Template around the message; `{{ body }}` marks where ' +
      'the rendered message goes (inserted as is, never escaped again).'
  }),
  template: Nullable(Type.String({
    maxLength: 100,
    description: 'Preset it came from; on create and replace, fields the ' +
      'body leaves out are copied from it.'
  }))
}

export const LayoutPatch = Type.Object({
  ...Type.Partial(Type.Object(writable)).properties,
  ...readOnlyEcho
}, { additionalProperties: false })

/** Body of POST and PUT: `type` and `body` are required unless a preset gives them. */
export const LayoutCreate = LayoutPatch

export const Layout = Type.Object({
  id: Type.Integer(),
  ...writable,
  created: Millis(),
  updated: Millis()
})

export const LayoutParams = IntegerId

export const LayoutListQuery = Type.Object({
  ...pageQuery,
  type: Type.Optional(Channel),
  type__in: InList(IN_ITEM.channel, 'Any of these channels, comma separated.'),
  name: Type.Optional(Type.String({ maxLength: 100 }))
})

export type LayoutPatch = Static<typeof LayoutPatch>
export type LayoutApi = Static<typeof Layout>
