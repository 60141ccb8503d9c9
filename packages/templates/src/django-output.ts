import type { Context, Emitter, Template, Token } from 'liquidjs'
import type { DjangoContext } from './django-context.js'
import { tagContents } from './django-lexer.js'
import type { DjangoExpression } from './expression/django-expression.js'
import { parseExpression } from './expression/parse-expression.js'
import { outputValue } from './output-value.js'

/** Django's `{{ expression }}`: resolve, localize, escape when asked. */
export class DjangoOutput implements Template {
  readonly expression: DjangoExpression

  constructor (readonly token: Token) {
    this.expression = parseExpression(tagContents(token))
  }

  render (ctx: Context, emitter: Emitter): void {
    const django = ctx as DjangoContext
    const value = this.expression.resolve(django)
    emitter.write(outputValue(value, django.state.autoescape))
  }
}
