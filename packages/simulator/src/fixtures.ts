import { readFileSync } from 'node:fs'

// Resolved from the module, so it works from src/ and from dist/ alike.
const FIXTURES = new URL('../fixtures/', import.meta.url)

/** The parsed JSON of `fixtures/<name>`. */
export function readFixture<T> (name: string): T {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T
}

/** The `data` of a fixture stored in the platform's success envelope. */
export function readFixtureData<T> (name: string): T {
  return readFixture<{ data: T }>(name).data
}
