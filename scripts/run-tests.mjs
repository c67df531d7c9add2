// Runs every test with node's own runner: unit tests beside the code (src/**/*.test.ts) and
// real-client scenario tests (test/**/*.test.ts), TypeScript loaded through tsx.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { run } from 'node:test'
import { spec } from 'node:test/reporters'
import { fileURLToPath } from 'node:url'

const RUN = '--run-files'

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) find(path, out)
    else if (name.endsWith('.test.ts')) out.push(path)
  }
  return out
}

// Longest first keeps the end of the run short: the conformance scenarios (the long pole), then the real-client
// scenario tests, then the other tests under test/, and the quick unit tests beside the code last.
const LONG_POLE = join('test', 'conformance.test.ts')
function rank(file) {
  if (file === LONG_POLE) return 0
  if (file.startsWith(join('test', 'scenarios'))) return 1
  if (file.startsWith('test')) return 2
  return 3
}

if (process.argv[2] !== RUN) {
  const filter = process.argv.slice(2)
  const files = [...find('src'), ...find('test')]
    .filter((file) => !filter.length || filter.some((f) => file.includes(f)))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  // node --test sorts the files it is given by name; run() keeps our order. Its test processes inherit this
  // process's --import tsx, hence the second process.
  const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), RUN, ...files], { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}

// The real aws CLI and python3 first on PATH, found once here rather than through pyenv's shims in every test
// process, every server they start and every client they spawn (see test/support/client-tools.ts).
const { clientTools } = await import('../test/support/client-tools.ts')
process.env.PATH = clientTools().path

const files = process.argv.slice(3).map((file) => resolve(file))
const stream = run({ files, concurrency: Number(process.env.TEST_CONCURRENCY ?? 2) })
stream.on('test:fail', () => {
  process.exitCode = 1
})
stream.compose(new spec()).pipe(process.stdout)
