import { ParseError, Tag } from 'liquidjs'
import type {
  Context, Emitter, Liquid, Parser, Template, TagToken, TopLevelToken
} from 'liquidjs'
import type { DjangoContext } from '../django-context.js'
import { VariableDoesNotExist } from '../expression/django-expression.js'
import { pyTruthy } from '../python/py-ops.js'
import { evaluate, parseCondition } from './condition.js'
import type { Condition } from './condition.js'
import { tagArgs } from './split-bits.js'

interface Branch {
  condition: Condition
  templates: Template[]
}

/** Parses a condition, blaming its own tag (the `elif`) for any error. */
function conditionAt (token: TagToken): Condition {
  try {
    return parseCondition(tagArgs(token))
  } catch (err) {
    throw new ParseError(err as Error, token)
  }
}

function assertNoArgs (token: TagToken): void {
  if (tagArgs(token) !== '') {
    throw new ParseError(new Error(`'${token.name}' takes no arguments`), token)
  }
}

/** Django's IfNode: a filter argument that does not exist is None. */
function matches (condition: Condition, ctx: DjangoContext): unknown {
  try {
    return evaluate(condition, ctx)
  } catch (err) {
    if (err instanceof VariableDoesNotExist) return null
    throw err
  }
}

/** Django's `{% if %}…{% elif %}…{% else %}…{% endif %}`. */
export class IfTag extends Tag {
  private readonly branches: Branch[] = []
  private elseTemplates: Template[] | undefined

  constructor (
    token: TagToken, remainTokens: TopLevelToken[],
    liquid: Liquid, parser: Parser
  ) {
    super(token, remainTokens, liquid)
    let current: Template[] = []
    this.branches.push({
      condition: conditionAt(token), templates: current
    })
    const stream = parser.parseStream(remainTokens)
      .on('tag:elif', (tag: TagToken) => {
        this.assertNoElse(tag)
        current = []
        this.branches.push({
          condition: conditionAt(tag), templates: current
        })
      })
      .on('tag:else', (tag: TagToken) => {
        this.assertNoElse(tag)
        assertNoArgs(tag)
        current = this.elseTemplates = []
      })
      .on('tag:endif', (tag: TagToken) => {
        assertNoArgs(tag)
        stream.stop()
      })
      .on('template', (tpl: Template) => { current.push(tpl) })
      .on('end', () => {
        throw new Error(`Unclosed tag '${token.getText()}', expected 'endif'`)
      })
    stream.start()
  }

  private assertNoElse (tag: TagToken): void {
    if (this.elseTemplates !== undefined) {
      throw new ParseError(
        new Error(`'${tag.name}' after 'else' in 'if'`), tag)
    }
  }

  * render (ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const renderer = this.liquid.renderer
    for (const { condition, templates } of this.branches) {
      if (pyTruthy(matches(condition, ctx as DjangoContext))) {
        yield renderer.renderTemplates(templates, ctx, emitter)
        return
      }
    }
    if (this.elseTemplates !== undefined) {
      yield renderer.renderTemplates(this.elseTemplates, ctx, emitter)
    }
  }
}
