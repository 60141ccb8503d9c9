import { Tag } from 'liquidjs'
import type {
  Context, Emitter, Liquid, Parser, Template, TagToken, TopLevelToken
} from 'liquidjs'
import type { DjangoContext } from '../django-context.js'
import type { DjangoExpression } from '../expression/django-expression.js'
import { parseExpression } from '../expression/parse-expression.js'
import { NAME, splitBits, tagArgs } from './split-bits.js'

/** `a=b c=d`, or the legacy `b as a`. */
function parseAssignments (args: string): Array<[string, string]> {
  const bits = splitBits(args)
  if (bits.length === 3 && bits[1] === 'as' && NAME.test(bits[2] ?? '')) {
    return [[bits[2] ?? '', bits[0] ?? '']]
  }
  const pairs: Array<[string, string]> = []
  for (const bit of bits) {
    const eq = bit.indexOf('=')
    const name = bit.slice(0, eq)
    if (eq <= 0 || !NAME.test(name)) {
      throw new Error(`'with' received an invalid token: '${bit}'`)
    }
    pairs.push([name, bit.slice(eq + 1)])
  }
  if (pairs.length === 0) {
    throw new Error("'with' expected at least one variable assignment")
  }
  return pairs
}

/** Django's `{% with name=value %}…{% endwith %}`. */
export class WithTag extends Tag {
  private readonly assignments: Array<[string, DjangoExpression]>
  private readonly templates: Template[] = []

  constructor (
    token: TagToken, remainTokens: TopLevelToken[],
    liquid: Liquid, parser: Parser
  ) {
    super(token, remainTokens, liquid)
    this.assignments = parseAssignments(tagArgs(token))
      .map(([name, expr]) => [name, parseExpression(expr)])
    const stream = parser.parseStream(remainTokens)
      .on('tag:endwith', () => { stream.stop() })
      .on('template', (tpl: Template) => { this.templates.push(tpl) })
      .on('end', () => {
        throw new Error(`Unclosed tag '${token.getText()}', expected 'endwith'`)
      })
    stream.start()
  }

  * render (ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const scope: Record<string, unknown> = {}
    for (const [name, expression] of this.assignments) {
      scope[name] = expression.resolve(ctx as DjangoContext)
    }
    ctx.push(scope)
    try {
      yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter)
    } finally {
      ctx.pop()
    }
  }
}
