import { Liquid } from 'liquidjs'
import { registerDjangoFilters } from './filters/index.js'
import { outputValue } from './output-value.js'
import { registerDjangoTags } from './tags/index.js'

/**
 * Python's literals; LiquidJS knows only `true`, `false` and `nil`, so
 * Django's spelling resolves through globals (the fallback scope).
 */
const PYTHON_LITERALS = { True: true, False: false, None: null }

/**
 * A LiquidJS engine that reads the Django template language. One engine
 * per escaping mode, because `outputEscape` is compiled into each output.
 */
export function createEngine (autoescape: boolean): Liquid {
  const engine = new Liquid({
    // Every {{ }} ends in this filter: it prints Python-style values and,
    // for HTML, escapes what was not marked safe.
    outputEscape: (value: unknown) => outputValue(value, autoescape),
    // An unknown filter fails at parse time, as in Django.
    strictFilters: true,
    // An undefined variable renders as '' and is None in conditions.
    strictVariables: false,
    // `{{ user.constructor }}` must not reach JavaScript prototypes.
    ownPropertyOnly: true,
    globals: PYTHON_LITERALS,
    // No partials or layouts: a template can never read a file.
    templates: {}
  })
  registerDjangoTags(engine)
  registerDjangoFilters(engine, autoescape)
  return engine
}
