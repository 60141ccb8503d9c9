import { readFileSync } from 'node:fs'

/** What every golden case names: inputs, as in the `*.cases.json` files. */
export interface CaseInput {
  name: string
  context?: Record<string, unknown>
  /** `data` of a simulator fixture, under `context`'s keys. */
  fixture?: string
}

export interface TemplateCase extends CaseInput {
  template: string
  autoescape?: boolean
}

/** Django's answer: the output, or the kind of failure. */
export interface TemplateExpected extends TemplateCase {
  output?: string
  error?: 'syntax' | 'render'
  exception?: string
  message?: string
}

export interface ConditionCase extends CaseInput {
  expression: string
  /**
   * Where Herald deliberately answers otherwise than Python's `eval`
   * (it never runs code): Herald's own result.
   */
  herald?: { result: boolean, error: string }
}

export interface ConditionExpected extends ConditionCase {
  rendered: string | null
  result: boolean
  /** Python's exception name, or TemplateError; null when none. */
  error: string | null
}

const golden = (name: string): URL => new URL(`./golden/${name}`, import.meta.url)

export function readJson<T> (name: string): T {
  return JSON.parse(readFileSync(golden(name), 'utf8')) as T
}

/** `{"$int": "123"}` is an integer too large for a JSON number in JS. */
function revive (value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value)
  const [only] = entries
  if (entries.length === 1 && only?.[0] === '$int') {
    return BigInt(String(only[1]))
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, revive(v)]))
}

function fixtureData (name: string): Record<string, unknown> {
  const url = new URL(`../../simulator/fixtures/${name}.json`, import.meta.url)
  const webhook = JSON.parse(readFileSync(url, 'utf8')) as {
    data: Record<string, unknown>
  }
  return webhook.data
}

/** The render context of a case, as the oracle builds it. */
export function contextOf (input: CaseInput): Record<string, unknown> {
  return {
    ...(input.fixture === undefined ? {} : fixtureData(input.fixture)),
    ...(revive(input.context ?? {}) as Record<string, unknown>)
  }
}

/** The inputs of an expected record, to compare with the cases file. */
export function inputsOf<T extends CaseInput> (
  record: T, keys: ReadonlyArray<keyof T>
): Partial<T> {
  const out: Partial<T> = {}
  for (const key of keys) {
    if (record[key] !== undefined) out[key] = record[key]
  }
  return out
}
