import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, type WriteStream } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

/** A process the bench started: the API, a worker or a baseline. */
export interface Child {
  readonly name: string
  readonly pid: number
  /** Resolves with the exit code (or signal) once the process ends. */
  readonly exited: Promise<string>
  /** SIGTERM, then SIGKILL after the grace period. Idempotent. */
  stop (): Promise<string>
}

export interface ChildOptions {
  name: string
  /** Script run with `node --conditions=herald-source --import tsx`. */
  entry: string
  env: Record<string, string>
  cwd: string
  /** Every line the child prints is appended here. */
  log: WriteStream
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[]
}

const STOP_GRACE_MS = 20_000

/** Thrown when a child ends before the bench asked it to. */
export class ChildExitedError extends Error {
  override name = 'ChildExitedError'
  readonly code = 'HERALD_ERR_BENCH_CHILD_EXITED'
}

let onUnexpectedExit: (err: ChildExitedError) => void = () => {}

/** Who hears of a child that died on its own (the bench aborts). */
export function whenAChildDies (fn: (err: ChildExitedError) => void): void {
  onUnexpectedExit = fn
}

/** Opens the log every child of this run writes to. */
export function openLog (path: string): WriteStream {
  return createWriteStream(path, { flags: 'a' })
}

export function startChild (options: ChildOptions): Child {
  const proc = spawn(process.execPath, [
    '--conditions=herald-source', '--import', 'tsx',
    ...(options.nodeArgs ?? []), options.entry
  ], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  if (proc.pid === undefined) throw new Error(`cannot start ${options.name}`)
  const label = `[${options.name} ${proc.pid}] `
  forward(proc, label, options.log)
  let stopping = false
  const exited = new Promise<string>((resolve) => {
    proc.once('exit', (code, signal) => {
      const how = signal ?? `code ${String(code)}`
      options.log.write(`${label}exited (${how})\n`)
      if (!stopping) {
        onUnexpectedExit(new ChildExitedError(
          `${options.name} exited on its own (${how})`))
      }
      resolve(how)
    })
  })
  let stopped: Promise<string> | undefined
  return {
    name: options.name,
    pid: proc.pid,
    exited,
    stop: () => {
      stopping = true
      stopped ??= stopProcess(proc, exited)
      return stopped
    }
  }
}

function forward (proc: ChildProcess, label: string, log: WriteStream): void {
  for (const stream of [proc.stdout, proc.stderr]) {
    stream?.setEncoding('utf8')
    let pending = ''
    stream?.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) log.write(`${label}${line}\n`)
    })
  }
}

async function stopProcess (
  proc: ChildProcess,
  exited: Promise<string>
): Promise<string> {
  if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM')
  const late = sleep(STOP_GRACE_MS).then(() => 'late' as const)
  if (await Promise.race([exited, late]) === 'late') proc.kill('SIGKILL')
  return exited
}

/** Polls `url` until any HTTP answer comes back. */
export async function waitForHttp (
  url: string,
  child: Child,
  timeoutMs = 60_000
): Promise<void> {
  const end = Date.now() + timeoutMs
  let gone = false
  void child.exited.then(() => { gone = true })
  while (Date.now() < end && !gone) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) })
      return
    } catch {
      await sleep(200)
    }
  }
  throw new Error(`${child.name} did not answer at ${url}`)
}
