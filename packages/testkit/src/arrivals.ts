import { SinkError } from './sink-errors.js'

/** A stand-in gave up waiting before enough items arrived. */
export class StandInTimeoutError extends SinkError {
  constructor (what: string, expected: number, received: number, timeoutMs: number) {
    super(
      'HERALD_ERR_TESTKIT_STANDIN_TIMEOUT',
      `${what}: expected ${expected} within ${timeoutMs} ms, received ${received}`
    )
  }
}

interface Waiter<T> {
  count: number
  resolve: (items: T[]) => void
  timer: NodeJS.Timeout
}

/**
 * What a stand-in accepted, in order, with a way to wait for more. Waiting
 * is event driven: a test resumes the moment the item arrives.
 */
export class Arrivals<T> {
  readonly items: T[] = []
  readonly #what: string
  readonly #waiters = new Set<Waiter<T>>()

  constructor (what: string) {
    this.#what = what
  }

  push (item: T): void {
    this.items.push(item)
    for (const waiter of this.#waiters) {
      if (this.items.length < waiter.count) continue
      clearTimeout(waiter.timer)
      this.#waiters.delete(waiter)
      waiter.resolve([...this.items])
    }
  }

  /** Resolves once `count` items arrived; rejects after `timeoutMs`. */
  waitFor (count: number, timeoutMs = 10_000): Promise<T[]> {
    if (this.items.length >= count) return Promise.resolve([...this.items])
    return new Promise((resolve, reject) => {
      const waiter: Waiter<T> = {
        count,
        resolve,
        timer: setTimeout(() => {
          this.#waiters.delete(waiter)
          reject(new StandInTimeoutError(this.#what, count, this.items.length, timeoutMs))
        }, timeoutMs)
      }
      this.#waiters.add(waiter)
    })
  }

  /** Stops every pending wait, so a closed stand-in holds no timers. */
  clear (): void {
    for (const waiter of this.#waiters) clearTimeout(waiter.timer)
    this.#waiters.clear()
  }
}
