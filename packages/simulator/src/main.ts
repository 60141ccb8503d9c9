/**
 * Dev CLI: serves the default seed on 127.0.0.1:$SIMULATOR_PORT (4010)
 * so a real extension can be pointed at it by hand.
 */
import { createSimulator } from './simulator.js'
import { defaultSeed, seedTokens } from './seed.js'

function portFromEnv (raw: string | undefined): number {
  const port = Number(raw ?? 4010)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`SIMULATOR_PORT must be a port number, got "${raw}"`)
  }
  return port
}

function banner (url: string): string {
  const lines = [`platform simulator listening on ${url}`, 'tokens:']
  for (const [company, roles] of Object.entries(seedTokens)) {
    for (const [role, token] of Object.entries(roles)) {
      lines.push(`  ${company.padEnd(10)} ${role.padEnd(8)} ${token}`)
    }
  }
  return `${lines.join('\n')}\n`
}

async function main (): Promise<void> {
  const port = portFromEnv(process.env.SIMULATOR_PORT)
  const sim = await createSimulator({ seed: defaultSeed(), logger: true })
  const url = await sim.listen(port, '127.0.0.1')
  process.stdout.write(banner(url))
  const stop = (): void => {
    sim.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

await main()
