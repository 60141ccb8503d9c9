export { createRenderer } from './renderer.js'
export type {
  RenderOptions, RendererOptions, TemplateRenderer
} from './renderer.js'
export {
  TEMPLATE_ERROR_CODES,
  TemplateError,
  TemplateRenderError,
  TemplateSyntaxError
} from './errors.js'
export type {
  SourcePosition, TemplateErrorCode, TemplateErrorOptions
} from './errors.js'
