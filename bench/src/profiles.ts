import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { digestProfile, type ProfileDigest } from './cpu-profile.js'
import type { BenchSettings } from './settings.js'

/** Which process a profile is of, and what it says. */
export interface ProfileSummary extends ProfileDigest {
  process: string
  file: string
}

const PROCESSES = ['api', 'worker'] as const
type Profiled = (typeof PROCESSES)[number]

const dirOf = (settings: BenchSettings, process: Profiled): string =>
  join(settings.resultsDir, 'profiles', process)

/**
 * Node flags that make a child write CPU profiles when it exits, when the
 * run profiles (`--profile`); none otherwise. Each process gets a folder
 * of its own, emptied first: Node writes one profile per thread, and
 * tsx's module hooks run on a thread of their own.
 */
export function profileArgs (settings: BenchSettings, process: Profiled): string[] {
  if (!settings.profile) return []
  const dir = dirOf(settings, process)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  return ['--cpu-prof', '--cpu-prof-dir', dir]
}

/** The main thread's: CPU.<date>.<time>.<pid>.<thread 0>.<seq>.cpuprofile */
const MAIN_THREAD = /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/

/** The digest of the main-thread profile of each profiled process. */
export function summariseProfiles (settings: BenchSettings): ProfileSummary[] {
  if (!settings.profile) return []
  return PROCESSES.flatMap((process) => {
    const dir = dirOf(settings, process)
    if (!existsSync(dir)) return []
    return readdirSync(dir).filter((f) => MAIN_THREAD.test(f)).map((file) => {
      const path = join(dir, file)
      const profile = JSON.parse(readFileSync(path, 'utf8')) as Parameters<
        typeof digestProfile>[0]
      return { process, file: path, ...digestProfile(profile) }
    })
  })
}
