import { spawn } from 'node:child_process'
import { request, Agent } from 'node:http'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { testConfig, TEST_ENCRYPTION_KEY } from '@herald/testkit'

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const SHUTDOWN_TIMEOUT_MS = 5000

interface TapLike { teardown(fn: () => unknown): void }

interface ChildExit { code: number | null, signal: NodeJS.Signals | null }

interface ApiProcess {
  exited: Promise<ChildExit>
  stderr(): string
  alive(): boolean
  kill(signal: NodeJS.Signals): void
}

/** Runs `server.ts` as production does; killed at teardown if still up. */
function spawnApi (t: TapLike, env: NodeJS.ProcessEnv): ApiProcess {
  const child = spawn(process.execPath, [
    '--conditions=herald-source', '--import', 'tsx', 'apps/api/src/server.ts'
  ], { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] })
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }))
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const alive = () => child.exitCode === null && child.signalCode === null
  const kill = (signal: NodeJS.Signals) => { if (alive()) child.kill(signal) }
  t.teardown(async () => {
    kill('SIGKILL')
    await exited
  })
  return { exited, stderr: () => stderr, alive, kill }
}

/** A port nobody listens on right now. */
async function freePort (): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** The configuration of one test as environment variables. */
function apiEnv (overrides: Record<string, string>): NodeJS.ProcessEnv {
  const config = testConfig(overrides)
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const [key, value] of Object.entries(config)) env[key] = String(value)
  return env
}

/** GET over `agent`; resolves with the status once the body is read. */
function get (port: number, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/', agent }, (res) => {
      res.resume()
      res.once('end', () => resolve(res.statusCode ?? 0))
    })
    req.once('error', reject)
    req.end()
  })
}

/** Polls until the server answers; fails at once if the process died. */
async function untilAnswering (
  api: ApiProcess,
  port: number,
  agent: Agent
): Promise<number> {
  const end = Date.now() + 20_000
  for (;;) {
    try {
      return await get(port, agent)
    } catch (err) {
      if (!api.alive()) throw new Error(`api exited: ${api.stderr()}`)
      if (Date.now() > end) throw err
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

t.test('SIGTERM closes the server and exits 0', async (t) => {
  const port = await freePort()
  const api = spawnApi(t, apiEnv({
    HOST: '127.0.0.1',
    PORT: String(port),
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS)
  }))
  // a client that keeps its connection open must not hold the shutdown
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  t.teardown(() => agent.destroy())
  t.equal(await untilAnswering(api, port, agent), 404, 'the server answers')
  t.equal(Object.keys(agent.freeSockets).length, 1, 'an idle kept-alive socket')

  const termAt = Date.now()
  api.kill('SIGTERM')
  t.same(await api.exited, { code: 0, signal: null })
  const elapsed = Date.now() - termAt
  t.ok(elapsed < SHUTDOWN_TIMEOUT_MS, `exited ${elapsed} ms after SIGTERM`)
  await t.rejects(get(port, new Agent()), { code: 'ECONNREFUSED' },
    'nothing listens any more')
  t.equal(api.stderr(), '')
})

t.test('a missing DATABASE_URL stops the API at boot, naming the key', async (t) => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HERALD_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    PORT: String(await freePort())
  }
  delete env.DATABASE_URL
  const api = spawnApi(t, env)
  const exit = await api.exited
  t.not(exit.code, 0)
  t.equal(exit.signal, null)
  t.match(api.stderr(), /^herald-api failed to start: .*DATABASE_URL/)
})
