import { LRUCache } from 'lru-cache'
import { LiquidError } from 'liquidjs'
import type { Liquid, Template } from 'liquidjs'
import { DjangoContext } from './django-context.js'
import { createEngine, parseDjango } from './engine.js'
import { TemplateRenderError, TemplateSyntaxError } from './errors.js'
import type { SourcePosition } from './errors.js'

/** Options of one render. */
export interface RenderOptions {
  /**
   * Escape `& < > " '` in output, as Django does for HTML; `|safe` opts a
   * value out. Leave false (the default) for subjects, text, SMS and push.
   */
  autoescape?: boolean
  /**
   * When given, the dotted path of every variable the render looked up
   * and did not find is added (previews list them).
   */
  missing?: Set<string>
  /**
   * At most this many milliseconds for this render, within the
   * renderer's own `renderLimitMs`: callers that render several fields
   * for one answer share one budget this way.
   */
  timeLimitMs?: number
}

/** Renders Django-language notification templates. */
export interface TemplateRenderer {
  /**
   * Renders `source` with `context` (the webhook data plus Herald's extras).
   * Throws TemplateSyntaxError when the source does not parse and
   * TemplateRenderError when rendering fails.
   */
  render (
    source: string, context: Record<string, unknown>, options?: RenderOptions
  ): Promise<string>
  /** Throws TemplateSyntaxError with 1-based line and column of the problem. */
  validate (source: string): void
}

/** Options of {@link createRenderer}. */
export interface RendererOptions {
  /** Parsed templates kept, least recently used dropped first. Default 1000. */
  cacheSize?: number
  /**
   * Longest one render may take, in milliseconds. Default 500: a
   * notification renders in well under a millisecond, and rendering
   * holds the event loop, so a template built to loop for long (nested
   * loops over large data) must stop soon.
   */
  renderLimitMs?: number
}

const DEFAULT_RENDER_LIMIT_MS = 500

function positionOf (err: unknown): SourcePosition {
  if (LiquidError.is(err)) {
    const [line = 1, column = 1] = err.token.getPosition()
    return { line, column }
  }
  return { line: 1, column: 1 }
}

/** LiquidJS wording to Django's, for the messages admins see most. */
const DJANGO_WORDING: Array<[RegExp, string]> = [
  [/^tag "(.*)" not found$/, "Invalid block tag: '$1'"],
  [/^undefined filter: (.*)$/, "Invalid filter: '$1'"]
]

/** LiquidJS appends the position to its messages; ours carry it apart. */
function reasonOf (err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  const original = LiquidError.is(err) ? err.originalError : undefined
  const message = (original?.message ?? err.message)
    .replace(/, line:\d+, col:\d+$/, '')
  const rule = DJANGO_WORDING.find(([pattern]) => pattern.test(message))
  return rule === undefined ? message : message.replace(rule[0], rule[1])
}

function toSyntaxError (err: unknown): TemplateSyntaxError {
  return new TemplateSyntaxError(reasonOf(err),
    { ...positionOf(err), cause: err })
}

function toRenderError (err: unknown): TemplateRenderError {
  return new TemplateRenderError(reasonOf(err),
    { ...positionOf(err), cause: err })
}

/**
 * Creates a renderer. Parsed templates are cached by source text because
 * the worker renders the same few templates for every event.
 */
export function createRenderer (
  options: RendererOptions = {}
): TemplateRenderer {
  const renderLimitMs = options.renderLimitMs ?? DEFAULT_RENDER_LIMIT_MS
  const engine: Liquid = createEngine({ renderLimitMs })
  const cache = new LRUCache<string, Template[]>({
    max: options.cacheSize ?? 1000
  })

  // One parse serves both modes: escaping is decided while rendering.
  function parsed (source: string): Template[] {
    const hit = cache.get(source)
    if (hit !== undefined) return hit
    let templates: Template[]
    try {
      templates = parseDjango(engine, source)
    } catch (err) {
      throw toSyntaxError(err)
    }
    cache.set(source, templates)
    return templates
  }

  return {
    async render (source, context, renderOptions = {}) {
      const templates = parsed(source)
      const state = {
        autoescape: renderOptions.autoescape ?? false,
        missing: renderOptions.missing
      }
      const limit = Math.max(0,
        Math.min(renderLimitMs, renderOptions.timeLimitMs ?? Infinity))
      try {
        // Every tag and filter here is synchronous, and the sync path
        // skips a promise per node.
        return String(engine.renderSync(templates,
          new DjangoContext(context, engine, state, limit)))
      } catch (err) {
        throw toRenderError(err)
      }
    },
    validate (source) {
      parsed(source)
    }
  }
}
