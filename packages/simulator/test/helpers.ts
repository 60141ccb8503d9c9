import type { Test } from 'tap'
import { createSimulator, defaultSeed } from '../src/index.js'
import type { SimSeed, Simulator } from '../src/index.js'

/** A simulator on the default seed (or `seed`), closed when `t` ends. */
export async function startSim (t: Test, seed?: SimSeed): Promise<Simulator> {
  const sim = await createSimulator({ seed: seed ?? defaultSeed() })
  t.teardown(() => sim.close())
  return sim
}

/** The platform's envelope, loosely typed for assertions. */
export interface Envelope {
  status: string
  message?: string
  data: Record<string, unknown>
}

/** Status, headers and parsed JSON of an injected request. */
export async function call<T = Envelope> (
  sim: Simulator,
  method: 'GET' | 'POST',
  url: string,
  token?: string,
  payload?: Record<string, unknown>
): Promise<{ status: number; body: T; headers: Record<string, unknown> }> {
  const res = await sim.app.inject({
    method,
    url,
    ...(token === undefined ? {} : { headers: { authorization: token } }),
    ...(payload === undefined ? {} : { payload })
  })
  return { status: res.statusCode, body: res.json<T>(), headers: res.headers }
}
