// Reads a V8 .cpuprofile (what `node --cpu-prof` writes) into the few
// numbers worth printing: where the busy time went, by function (self
// time), by package, and through Herald's own functions (total time).

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}

interface ProfileNode {
  id: number
  callFrame: CallFrame
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface Share {
  name: string
  ms: number
  /** Percent of the busy (non-idle) time. */
  pct: number
}

export interface ProfileDigest {
  /** Sampled wall time, and the part that was not idle, in seconds. */
  sampledS: number
  busyS: number
  /** Functions by self time. */
  selfTop: Share[]
  /** Self time summed by package (node_modules name, Herald folder, V8). */
  byPackage: Share[]
  /** Herald's own functions by total time (themselves and their callees). */
  heraldTotalTop: Share[]
}

const IDLE = new Set(['(idle)', '(program)', '(root)'])

/** Where a frame's code lives: a package, a Herald folder, or V8/Node. */
export function packageOf (frame: CallFrame): string {
  // no script: GC and the like in parentheses, else native code (socket
  // writes, crypto, JSON, V8 builtins)
  if (frame.url === '') return frame.functionName.startsWith('(')
    ? frame.functionName : 'native'
  if (frame.url.startsWith('node:')) return 'node internals'
  const modules = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(frame.url)
  if (modules?.[1] !== undefined) return modules[1]
  const herald = /\/(apps|packages)\/([^/]+)\//.exec(frame.url)
  if (herald !== null) return `herald ${herald[1]}/${herald[2]}`
  return 'other'
}

function frameName (frame: CallFrame): string {
  const file = frame.url.replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/((apps|packages|bench)\/)/, '$1').replace(/^file:\/\//, '')
  const name = frame.functionName || '(anonymous)'
  if (file === '') return name
  // tsx-compiled sources report line 0 for every function
  return frame.lineNumber > 0 ? `${name} ${file}:${frame.lineNumber + 1}` : `${name} ${file}`
}

function add (map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms)
}

function top (map: Map<string, number>, busyMs: number, n: number): Share[] {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([name, ms]) => ({
      name,
      ms: Math.round(ms),
      pct: Number((100 * ms / busyMs).toFixed(1))
    }))
}

/** The digest of one profile; `n` entries per list. */
export function digestProfile (profile: CpuProfile, n = 15): ProfileDigest {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id)
  }
  const self = new Map<string, number>()
  const packages = new Map<string, number>()
  const total = new Map<string, number>()
  let sampledMs = 0
  let busyMs = 0
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    sampledMs += ms
    const node = byId.get(id)
    if (node === undefined || IDLE.has(node.callFrame.functionName)) return
    busyMs += ms
    add(self, frameName(node.callFrame), ms)
    add(packages, packageOf(node.callFrame), ms)
    addHeraldTotals(total, byId, parent, id, ms)
  })
  return {
    sampledS: Number((sampledMs / 1000).toFixed(1)),
    busyS: Number((busyMs / 1000).toFixed(1)),
    selfTop: top(self, busyMs, n),
    byPackage: top(packages, busyMs, n),
    heraldTotalTop: top(total, busyMs, n)
  }
}

/** Credits each distinct Herald function on the sample's stack once. */
function addHeraldTotals (
  total: Map<string, number>,
  byId: Map<number, ProfileNode>,
  parent: Map<number, number>,
  leaf: number,
  ms: number
): void {
  const seen = new Set<string>()
  for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
    const frame = byId.get(id)?.callFrame
    if (frame === undefined || !packageOf(frame).startsWith('herald')) continue
    const name = frameName(frame)
    if (seen.has(name)) continue
    seen.add(name)
    add(total, name, ms)
  }
}
