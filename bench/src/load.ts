import { randomUUID } from 'node:crypto'
import autocannon from 'autocannon'

/** One run of autocannon against a URL. */
export interface LoadOptions {
  url: string
  /** Request bodies, sent in turn; `[<id>]` becomes a fresh UUID each time. */
  bodies: readonly string[]
  headers: Record<string, string>
  connections: number
  /** Seconds to run, unless `amount` is given. */
  seconds?: number
  /** Exactly this many requests. */
  amount?: number
  /** Requests per second offered across all connections. */
  overallRate?: number
  /** Called about once a second with the responses so far. */
  onTick?: (responses: number) => void
}

/** What one load run measured. */
export interface LoadResult {
  /** Responses with a 2xx status. */
  ok: number
  /** Other statuses, connection errors and timeouts. */
  failed: number
  /** Wall-clock seconds from first request to last response. */
  seconds: number
  /** 2xx responses per second. */
  perSecond: number
  /** Every response time in ms, in arrival order. */
  latencies: Float64Array
}

/** Runs one load; every response's time is kept for percentiles. */
export async function runLoad (options: LoadOptions): Promise<LoadResult> {
  const capacity = options.amount ??
    Math.ceil((options.seconds ?? 10) * (options.overallRate ?? 50_000))
  let latencies: Float64Array = new Float64Array(Math.max(1024, capacity))
  let responses = 0
  let finish: (err: unknown, result: autocannon.Result) => void = () => {}
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (err, result) => err ? reject(err) : resolve(result)
  })
  const instance = autocannon({
    url: options.url,
    method: 'POST',
    connections: options.connections,
    requests: options.bodies.map((body) => ({
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', ...options.headers },
      setupRequest: withFreshId(body)
    })),
    ...(options.amount === undefined
      ? { duration: options.seconds ?? 10 }
      : { amount: options.amount }),
    ...(options.overallRate === undefined
      ? {}
      : { overallRate: options.overallRate }),
    timeout: 30
  }, (err, result) => finish(err, result))
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    if (responses === latencies.length) latencies = grow(latencies)
    latencies[responses++] = responseTime
  })
  instance.on('tick', () => options.onTick?.(responses))
  const result = await done
  const ok = result['2xx']
  return {
    ok,
    failed: result.non2xx + result.errors,
    seconds: result.duration,
    perSecond: ok / result.duration,
    latencies: latencies.slice(0, responses)
  }
}

/**
 * Puts a fresh UUID in place of `[<id>]` before each request.
 * (autocannon's own `idReplacement` sends nothing when combined with
 * `requests` in 8.0.0.)
 */
function withFreshId (template: string): (req: autocannon.Request) => autocannon.Request {
  return (req) => {
    req.body = template.replace('[<id>]', randomUUID())
    return req
  }
}

function grow (array: Float64Array): Float64Array {
  const bigger = new Float64Array(array.length * 2)
  bigger.set(array)
  return bigger
}
