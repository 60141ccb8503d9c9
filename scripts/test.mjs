// Runs every test file once against real PostgreSQL and Redis, then prints
// the closing line CI reads: `N passed, N failed`. A test is what a file
// declares at its top level (a `t.test` or an assertion).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'

const env = {
  ...process.env,
  TEST_DATABASE_URL:
    process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/herald_test',
  TEST_REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
}

function run (command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } })
  if (result.status !== 0) {
    process.stdout.write(`0 passed, 1 failed\n`)
    process.exit(result.status ?? 1)
  }
}

if (!existsSync('packages/db/src/generated/prisma/client.ts')) {
  run('node', ['scripts/prisma-generate.mjs'])
}
run('node', ['--conditions=herald-source', '--import', 'tsx', 'scripts/migrate.ts'], {
  DATABASE_URL: env.TEST_DATABASE_URL
})

const files = process.argv.slice(2)
const globs = files.length > 0
  ? files
  : ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts']
const tap = spawn('npx', ['tap', '--reporter=tap', ...globs], {
  env,
  stdio: ['ignore', 'pipe', 'inherit']
})

let passed = 0
let failed = 0
let skipped = 0
let failedFiles = 0
const lines = createInterface({ input: tap.stdout })
lines.on('line', (line) => {
  process.stdout.write(`${line}\n`)
  const top = /^ {4}(not ok|ok) \d+/.exec(line)
  const file = /^(not ok) \d+ - /.exec(line)
  if (top) {
    if (/# SKIP/i.test(line)) skipped++
    else if (top[1] === 'ok') passed++
    else failed++
  } else if (file && !/^ /.test(line)) {
    // A file that failed before declaring anything still counts once.
    failedFiles++
  }
})
tap.on('close', (code) => {
  if (code !== 0 && failed === 0) failed = Math.max(1, failedFiles)
  const tail = skipped > 0 ? `, ${skipped} skipped` : ''
  process.stdout.write(`\n${passed} passed, ${failed} failed${tail}\n`)
  process.exit(code ?? 1)
})
