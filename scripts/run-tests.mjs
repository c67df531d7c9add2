// Runs every test with node's own runner: unit tests beside the code (src/**/*.test.ts) and
// real-client scenario tests (test/**/*.test.ts), TypeScript loaded through tsx.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) find(path, out)
    else if (name.endsWith('.test.ts')) out.push(path)
  }
  return out
}

const filter = process.argv.slice(2)
const files = [...find('src'), ...find('test')].filter((file) => !filter.length || filter.some((f) => file.includes(f))).sort()
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`, ...files],
  { stdio: 'inherit' },
)
process.exit(result.status ?? 1)
