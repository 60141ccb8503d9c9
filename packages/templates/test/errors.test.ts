import t from 'tap'
import {
  ConditionError,
  TEMPLATE_ERROR_CODES,
  TemplateError,
  TemplateRenderError,
  TemplateSyntaxError
} from '../src/index.js'

t.test('error codes are unique and all documented', async (t) => {
  const cause = new Error('liquid')
  const position = { line: 3, column: 7, cause }
  const errors: TemplateError[] = [
    new TemplateSyntaxError('bad tag', position),
    new TemplateRenderError('bad arg', position)
  ]
  const condition = new ConditionError('NameError', "name 'x'", { cause })
  const codes = [...errors, condition].map((err) => err.code)
  t.same([...codes].sort(), Object.keys(TEMPLATE_ERROR_CODES).sort())
  t.same(errors.map((err) => err.statusCode), [400, 422])
  t.match(condition, {
    statusCode: 422, pythonError: 'NameError', message: "NameError: name 'x'",
    line: 1, column: 1, cause
  })
  for (const err of errors) {
    t.ok(err instanceof TemplateError)
    t.match(err, { line: 3, column: 7, cause, name: err.constructor.name })
  }
})
