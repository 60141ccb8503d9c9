import { setTimeout as sleep } from 'node:timers/promises'
import type { SinkMessage } from '@herald/testkit'

/** When the SMTP sink accepted messages: the clock of delivery runs. */
export interface Acceptance {
  readonly count: number
  /** `performance.now()` of the first and last acceptance, or null. */
  readonly first: number | null
  readonly last: number | null
  /** The first message since the last reset, kept as a sample. */
  readonly sample: SinkMessage | null
  /** Hand this to the sink's `onMessage`. */
  record (message: SinkMessage): void
  reset (): void
  /**
   * Resolves once `count` messages were accepted since the reset; rejects
   * after `timeoutMs`. `onTick` runs every poll, for the progress line.
   */
  waitFor (count: number, timeoutMs: number, onTick: () => void): Promise<void>
}

const POLL_MS = 250

export function createAcceptance (): Acceptance {
  let count = 0
  let first: number | null = null
  let last: number | null = null
  let sample: SinkMessage | null = null
  return {
    get count () { return count },
    get first () { return first },
    get last () { return last },
    get sample () { return sample },
    record (message) {
      const now = performance.now()
      first ??= now
      sample ??= message
      last = now
      count++
    },
    reset () {
      count = 0
      first = last = null
      sample = null
    },
    async waitFor (wanted, timeoutMs, onTick) {
      const end = Date.now() + timeoutMs
      while (count < wanted) {
        if (Date.now() > end) {
          throw new Error(`only ${count} of ${wanted} emails arrived ` +
            `within ${timeoutMs / 1000} s`)
        }
        onTick()
        await sleep(POLL_MS)
      }
      onTick()
    }
  }
}
