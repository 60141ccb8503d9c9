import type { Test } from 'tap'
import { createRenderer } from '../src/index.js'
import type { RenderOptions, TemplateError } from '../src/index.js'

/** One table row: template, context, what Django renders. */
export type Row = [
  template: string, context: Record<string, unknown>, expected: string
]

const renderer = createRenderer()

/** Renders every row and compares it with Django's output. */
export async function expectRenders (
  t: Test, rows: Row[], options: RenderOptions = {}
): Promise<void> {
  for (const [template, context, expected] of rows) {
    t.equal(await renderer.render(template, context, options), expected,
      `${template} with ${JSON.stringify(context, bigints)}`)
  }
}

function bigints (_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value
}

/** Renders one template (no autoescape unless asked). */
export async function render (
  template: string, context: Record<string, unknown> = {},
  options: RenderOptions = {}
): Promise<string> {
  return await renderer.render(template, context, options)
}

/** The template error a call throws, failing the test when none does. */
export async function caught (
  t: Test, run: () => unknown
): Promise<TemplateError | undefined> {
  try {
    await run()
  } catch (err) {
    return err as TemplateError
  }
  t.fail('expected a template error')
  return undefined
}
