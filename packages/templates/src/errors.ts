/** One catalogue of the errors this package throws. */
export const TEMPLATE_ERROR_CODES = {
  HERALD_ERR_TEMPLATE_SYNTAX:
    'the template does not parse (unknown tag or filter, unclosed block)',
  HERALD_ERR_TEMPLATE_RENDER:
    'the template parsed but failed while rendering (bad filter argument)',
  HERALD_ERR_CONDITION_FAILED:
    'a send condition rendered but is not a valid Python expression, or ' +
    'evaluating it raised (the notification is not sent)'
} as const

/** A code from {@link TEMPLATE_ERROR_CODES}. */
export type TemplateErrorCode = keyof typeof TEMPLATE_ERROR_CODES

/** Where in the source a problem sits, 1-based. */
export interface SourcePosition {
  line: number
  column: number
}

/** Options shared by every template error. */
export interface TemplateErrorOptions extends SourcePosition {
  /** The LiquidJS (or filter) error this one wraps. */
  cause?: unknown
}

/** Base class: catch this to handle any template failure. */
export abstract class TemplateError extends Error {
  abstract readonly code: TemplateErrorCode
  abstract readonly statusCode: number
  /** 1-based line of the tag or output that failed. */
  readonly line: number
  /** 1-based column of the tag or output that failed. */
  readonly column: number

  constructor (message: string, options: TemplateErrorOptions) {
    super(message, { cause: options.cause })
    this.name = new.target.name
    this.line = options.line
    this.column = options.column
  }
}

/** The source is not a valid template; an admin has to fix it. */
export class TemplateSyntaxError extends TemplateError {
  readonly code = 'HERALD_ERR_TEMPLATE_SYNTAX'
  readonly statusCode = 400
}

/**
 * The template parsed but rendering it with this context failed, e.g. a
 * `money` filter given a divisibility that is not an integer in 0..18.
 */
export class TemplateRenderError extends TemplateError {
  readonly code = 'HERALD_ERR_TEMPLATE_RENDER'
  readonly statusCode = 422
}

/** Options of a {@link ConditionError}. */
export interface ConditionErrorOptions {
  cause?: unknown
}

/**
 * A rendered send condition that Python would refuse (SyntaxError) or
 * that raised while evaluating (TypeError, NameError…). Its position is
 * the start of the condition.
 */
export class ConditionError extends TemplateError {
  readonly code = 'HERALD_ERR_CONDITION_FAILED'
  readonly statusCode = 422
  /** The Python exception Python's `eval` would raise, by class name. */
  readonly pythonError: string

  constructor (
    pythonError: string, message: string, options: ConditionErrorOptions = {}
  ) {
    super(`${pythonError}: ${message}`,
      { line: 1, column: 1, cause: options.cause })
    this.pythonError = pythonError
  }
}

/**
 * Thrown by a filter for an argument it cannot work with; the renderer
 * turns it into a {@link TemplateRenderError} with the position.
 */
export class FilterArgumentError extends Error {
  constructor (filter: string, message: string) {
    super(`${filter}: ${message}`)
    this.name = 'FilterArgumentError'
  }
}
