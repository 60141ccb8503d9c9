// Generates the Prisma client without Prisma's native schema engine.
// `prisma generate` only needs the bundled WebAssembly, but the CLI first
// checks for the native engine and downloads it when missing; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at an existing file skips that check, so a
// machine that reaches only the npm registry can still generate.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const cli = require.resolve('prisma/build/index.js')
const env = { ...process.env }
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath
env.PRISMA_HIDE_UPDATE_MESSAGE = '1'

const result = spawnSync(process.execPath, [cli, 'generate'], {
  env,
  stdio: 'inherit'
})
process.exit(result.status ?? 1)
