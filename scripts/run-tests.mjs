// Runs every test with node's own runner: unit tests beside the code (src/**/*.test.ts) and
// real-client scenario tests (test/**/*.test.ts).
//
// The TypeScript is transpiled once, by esbuild (what tsx uses too), into a mirror of the repository in a temporary
// directory: the same tree with every other file and folder linked to the real one, so that paths found from
// import.meta.url (models/, dist/, ../shared/) still resolve. Each test file then runs as plain JavaScript, with
// source maps pointing failures at the .ts lines: loading tsx in each of the ~180 test processes cost ~0.45 s of
// CPU apiece on the CI machines. TASKROLE_TEST_TSX=1 runs the sources through tsx instead, as before.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { run } from 'node:test'
import { spec } from 'node:test/reporters'
import { fileURLToPath, pathToFileURL } from 'node:url'

const RUN = '--run-files'
const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)))
const SOURCES = ['src', 'test']

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) find(path, out)
    else out.push(path)
  }
  return out
}

// node --test sorts the files it is given by name; run() keeps this order. Longest first keeps the end of the run
// short: the conformance scenarios (the long pole), then the real-client scenario tests, then the other tests under
// test/, and the quick unit tests beside the code last.
const LONG_POLE = join('test', 'conformance.test.ts')
function rank(file) {
  if (file === LONG_POLE) return 0
  if (file.startsWith(join('test', 'scenarios'))) return 1
  if (file.startsWith('test')) return 2
  return 3
}

/** The repository again under a temporary directory, its TypeScript as JavaScript; returns that directory. */
async function transpiledMirror(files) {
  const base = mkdtempSync(join(tmpdir(), 'taskrole-tests-'))
  const mirror = join(base, basename(REPO))
  // The repository's neighbours (../shared) and everything in it but the sources, as they are.
  for (const name of readdirSync(dirname(REPO))) if (name !== basename(REPO)) symlinkSync(join(dirname(REPO), name), join(base, name))
  mkdirSync(mirror)
  for (const name of readdirSync(REPO)) if (!SOURCES.includes(name)) symlinkSync(join(REPO, name), join(mirror, name))
  for (const file of files.filter((f) => !f.endsWith('.ts'))) {
    mkdirSync(dirname(join(mirror, file)), { recursive: true })
    symlinkSync(join(REPO, file), join(mirror, file))
  }
  await build({
    entryPoints: files.filter((f) => f.endsWith('.ts')).map((f) => join(REPO, f)),
    outdir: mirror,
    outbase: REPO,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
  })
  return mirror
}

if (process.argv[2] !== RUN) {
  process.chdir(REPO)
  const filter = process.argv.slice(2)
  const sources = SOURCES.flatMap((dir) => find(dir))
  const tests = sources
    .filter((file) => file.endsWith('.test.ts'))
    .filter((file) => !filter.length || filter.some((f) => file.includes(f)))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  // The test processes inherit the flags of the process that runs them: hence a second one.
  if (process.env.TASKROLE_TEST_TSX === '1') {
    const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), RUN, REPO, ...tests], { stdio: 'inherit' })
    process.exit(result.status ?? 1)
  }
  const mirror = await transpiledMirror(sources)
  const result = spawnSync(
    process.execPath,
    ['--enable-source-maps', fileURLToPath(import.meta.url), RUN, mirror, ...tests.map((file) => file.replace(/\.ts$/, '.js'))],
    { stdio: 'inherit' },
  )
  rmSync(dirname(mirror), { recursive: true, force: true })
  process.exit(result.status ?? 1)
}

const [root, ...files] = process.argv.slice(3)
// The real aws CLI and python3 first on PATH, found once here rather than through pyenv's shims in every test
// process, every server they start and every client they spawn (see test/support/client-tools.ts).
const tools = join(root, 'test', 'support', `client-tools.${process.env.TASKROLE_TEST_TSX === '1' ? 'ts' : 'js'}`)
const { clientTools } = await import(pathToFileURL(tools).href)
process.env.PATH = clientTools().path

const stream = run({ files: files.map((file) => join(root, file)), concurrency: Number(process.env.TEST_CONCURRENCY ?? 2) })
stream.on('test:fail', () => {
  process.exitCode = 1
})
stream.compose(new spec()).pipe(process.stdout)
