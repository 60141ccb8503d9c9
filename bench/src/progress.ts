/**
 * The live status line on stderr, so stdout keeps only the table. On a
 * terminal one line is redrawn in place; elsewhere (CI, a pipe) a line is
 * written every few seconds instead.
 */
export interface Progress {
  /** A finished step, printed on its own line with the elapsed time. */
  step (text: string): void
  /** The current state of a long step; shown in place, throttled. */
  status (text: string): void
  /** Clears the status line. */
  done (): void
}

const PIPE_EVERY_MS = 5000

export function createProgress (
  stream: NodeJS.WriteStream = process.stderr
): Progress {
  const started = Date.now()
  const tty = stream.isTTY
  let lastPipe = 0
  let shown = false
  const clock = (): string => `[${((Date.now() - started) / 1000)
    .toFixed(0).padStart(3)} s]`

  function clear (): void {
    if (tty && shown) stream.write('\r\u001b[2K')
    shown = false
  }

  return {
    step (text) {
      clear()
      stream.write(`${clock()} ${text}\n`)
    },
    status (text) {
      if (tty) {
        const width = (stream.columns || 100) - 1
        stream.write(`\r\u001b[2K${`${clock()}   ${text}`.slice(0, width)}`)
        shown = true
        return
      }
      if (Date.now() - lastPipe < PIPE_EVERY_MS) return
      lastPipe = Date.now()
      stream.write(`${clock()}   ${text}\n`)
    },
    done: clear
  }
}

/** 12345.6 → "12,346". */
export const count = (n: number): string =>
  Math.round(n).toLocaleString('en-US')
