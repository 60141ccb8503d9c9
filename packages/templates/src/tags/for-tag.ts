import { Tag } from 'liquidjs'
import type {
  Context, Emitter, Liquid, Parser, Template, TagToken, TopLevelToken
} from 'liquidjs'
import type { DjangoContext } from '../django-context.js'
import type { DjangoExpression } from '../expression/django-expression.js'
import { parseExpression } from '../expression/parse-expression.js'
import { PyTypeError, pyIter } from '../python/py-ops.js'
import { NAME, splitBits, tagArgs } from './split-bits.js'

interface ForSyntax {
  loopVars: string[]
  sequence: string
  reversed: boolean
}

/** `x in list`, `a, b in pairs`, `x in list reversed`, as Django reads it. */
function parseForArgs (args: string): ForSyntax {
  const bits = splitBits(args)
  if (bits.length < 3) {
    throw new Error("'for' statements should have at least four words")
  }
  const reversed = bits[bits.length - 1] === 'reversed'
  const inIndex = bits.length - (reversed ? 3 : 2)
  if (bits[inIndex] !== 'in') {
    throw new Error(
      `'for' statements should use the format 'for x in y': for ${args}`)
  }
  const loopVars = bits.slice(0, inIndex).join(' ').split(/ *, */)
  for (const name of loopVars) {
    if (!NAME.test(name)) {
      throw new Error(`'for' tag received an invalid argument: ${args}`)
    }
  }
  return { loopVars, sequence: bits[inIndex + 1] ?? '', reversed }
}

/**
 * Django's `{% for %}…{% empty %}…{% endfor %}` with its `forloop`
 * (`counter`, `counter0`, `revcounter`, `revcounter0`, `first`, `last`,
 * `parentloop`).
 */
export class ForTag extends Tag {
  private readonly syntax: ForSyntax
  private readonly sequence: DjangoExpression
  private readonly templates: Template[] = []
  private readonly emptyTemplates: Template[] = []

  constructor (
    token: TagToken, remainTokens: TopLevelToken[],
    liquid: Liquid, parser: Parser
  ) {
    super(token, remainTokens, liquid)
    this.syntax = parseForArgs(tagArgs(token))
    this.sequence = parseExpression(this.syntax.sequence)
    let current = this.templates
    const stream = parser.parseStream(remainTokens)
      .on('tag:empty', () => { current = this.emptyTemplates })
      .on('tag:endfor', () => { stream.stop() })
      .on('template', (tpl: Template) => { current.push(tpl) })
      .on('end', () => {
        throw new Error(`Unclosed tag '${token.getText()}', expected 'endfor'`)
      })
    stream.start()
  }

  private resolveItems (ctx: DjangoContext): unknown[] {
    const value = this.sequence.resolve(ctx, true)
    if (value === undefined || value === null) return []
    try {
      const items = pyIter(value)
      return this.syntax.reversed ? [...items].reverse() : items
    } catch (err) {
      if (!(err instanceof PyTypeError)) throw err
      throw new TypeError(`'for' cannot iterate over ${this.syntax.sequence}`)
    }
  }

  private bind (scope: Record<string, unknown>, item: unknown): void {
    const names = this.syntax.loopVars
    if (names.length === 1) {
      scope[names[0] ?? ''] = item
      return
    }
    const values = Array.isArray(item) ? item : [item]
    if (values.length !== names.length) {
      throw new TypeError(`Need ${names.length} values to unpack in for ` +
        `loop; got ${values.length}.`)
    }
    names.forEach((name, i) => { scope[name] = values[i] })
  }

  * render (ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const renderer = this.liquid.renderer
    const items = this.resolveItems(ctx as DjangoContext)
    if (items.length === 0) {
      yield renderer.renderTemplates(this.emptyTemplates, ctx, emitter)
      return
    }
    const parentloop = ctx.getSync(['forloop']) ?? {}
    const scope: Record<string, unknown> = {}
    ctx.push(scope)
    try {
      const n = items.length
      for (let i = 0; i < n; i++) {
        scope.forloop = {
          counter: i + 1,
          counter0: i,
          revcounter: n - i,
          revcounter0: n - i - 1,
          first: i === 0,
          last: i === n - 1,
          parentloop
        }
        this.bind(scope, items[i])
        yield renderer.renderTemplates(this.templates, ctx, emitter)
      }
    } finally {
      ctx.pop()
    }
  }
}
