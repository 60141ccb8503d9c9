import { Liquid, ParseError, TokenKind } from 'liquidjs'
import type { Template, TopLevelToken } from 'liquidjs'
import { djangoTokens } from './django-lexer.js'
import { DjangoOutput } from './django-output.js'
import { registerDjangoTags } from './tags/index.js'

/**
 * Python's literals; LiquidJS knows only `true`, `false` and `nil`, so
 * Django's spelling resolves through globals (the fallback scope), as
 * Django's own context keeps them under everything else.
 */
const PYTHON_LITERALS = { True: true, False: false, None: null }

/** Options of {@link createEngine}. */
export interface EngineOptions {
  /** Longest one render may take, in milliseconds. Default 2000. */
  renderLimitMs?: number
}

/**
 * Outputs become {@link DjangoOutput}s; every other token is LiquidJS's,
 * including those the block tags parse for themselves.
 */
function useDjangoOutputs (engine: Liquid): void {
  const parser = engine.parser
  const parseToken = parser.parseToken.bind(parser)
  parser.parseToken = function parseDjangoToken (
    token: TopLevelToken, remainTokens: TopLevelToken[]
  ) {
    if (token.kind !== TokenKind.Output) {
      return parseToken(token, remainTokens)
    }
    try {
      return new DjangoOutput(token) as unknown as ReturnType<typeof parseToken>
    } catch (err) {
      throw new ParseError(err as Error, token)
    }
  }
}

/**
 * A LiquidJS engine that reads the Django template language: Django's
 * lexer, Django's filter expressions and Django's tags, nothing else.
 */
export function createEngine (options: EngineOptions = {}): Liquid {
  const engine = new Liquid({
    strictVariables: false,
    // `{{ user.constructor }}` must not reach JavaScript prototypes.
    ownPropertyOnly: true,
    globals: PYTHON_LITERALS,
    // No partials or layouts: a template can never read a file.
    templates: {},
    renderLimit: options.renderLimitMs ?? 2000
  })
  registerDjangoTags(engine)
  useDjangoOutputs(engine)
  return engine
}

/** Parses `source` into LiquidJS templates, tokenized as Django does. */
export function parseDjango (engine: Liquid, source: string): Template[] {
  return engine.parser.parseTokens(djangoTokens(source, engine))
}
