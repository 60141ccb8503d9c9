import { readFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_S = 100

/** Resident memory of a process in MiB, from /proc/<pid>/status VmRSS. */
export function rssMiB (pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1]
  if (kib === undefined) throw new Error(`no VmRSS for pid ${pid}`)
  return Number(kib) / 1024
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds (pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // the command name (field 2) may hold spaces: count from after its ')'
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  return (utime + stime) / TICKS_PER_S
}

/** Busy and total CPU seconds of the whole machine, from /proc/stat. */
export function machineCpu (): { busy: number, total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? ''
  const ticks = line.trim().split(/\s+/).slice(1).map(Number)
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0)
  const total = ticks.slice(0, 8).reduce((sum, t) => sum + t, 0)
  return { busy: (total - idle) / TICKS_PER_S, total: total / TICKS_PER_S }
}

/** CPU time spent over an interval, by process and for the machine. */
export interface CpuUse {
  /** Wall-clock seconds of the interval. */
  seconds: number
  /** CPU seconds of each named process (a core for a second is 1). */
  byProcess: Record<string, number>
  /** Machine-wide busy CPU seconds, everyone included. */
  machineBusy: number
  /** Cores of the machine: the most `machineBusy / seconds` can be. */
  cores: number
}

/**
 * Starts counting CPU time for the given processes; the returned function
 * ends the interval. A process that exits meanwhile counts what it used
 * until its last reading (taken with `sample`).
 */
export function cpuMeter (pids: Record<string, number>): {
  sample (): void
  stop (): CpuUse
} {
  const startedAt = performance.now()
  const machineStart = machineCpu()
  const first = readAll(pids)
  let last = first
  return {
    sample () { last = { ...last, ...readAll(pids) } },
    stop () {
      last = { ...last, ...readAll(pids) }
      const byProcess: Record<string, number> = {}
      for (const [name, start] of Object.entries(first)) {
        byProcess[name] = round((last[name] ?? start) - start)
      }
      return {
        seconds: round((performance.now() - startedAt) / 1000),
        byProcess,
        machineBusy: round(machineCpu().busy - machineStart.busy),
        cores: availableParallelism()
      }
    }
  }
}

function readAll (pids: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [name, pid] of Object.entries(pids)) {
    try {
      out[name] = cpuSeconds(pid)
    } catch {
      // exited: its last reading stands
    }
  }
  return out
}

/** The 1-minute load average, rounded. */
export const loadAverage = (): number => round(loadavg()[0] ?? 0)

export const round = (n: number, digits = 2): number =>
  Number(n.toFixed(digits))
