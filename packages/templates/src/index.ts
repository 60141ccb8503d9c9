export { createRenderer } from './renderer.js'
export type {
  RenderOptions, RendererOptions, TemplateRenderer
} from './renderer.js'
export {
  ConditionError,
  TEMPLATE_ERROR_CODES,
  TemplateError,
  TemplateRenderError,
  TemplateSyntaxError
} from './errors.js'
export type {
  ConditionErrorOptions,
  SourcePosition,
  TemplateErrorCode,
  TemplateErrorOptions
} from './errors.js'
export {
  MAX_CONDITION_LENGTH,
  conditionProblem,
  evaluateCondition,
  evaluateRendered
} from './conditions/send-condition.js'
export type { ConditionResult } from './conditions/send-condition.js'
export { PyError } from './conditions/py-values.js'
export {
  VARIANT_FIELDS,
  parseVariants,
  pickVariant,
  variantProblems,
  variantTag
} from './variants.js'
export type { Variant, VariantField, Variants } from './variants.js'
export { computeTotals } from './context/computed-totals.js'
export type { Amount, ComputedTotals } from './context/computed-totals.js'
