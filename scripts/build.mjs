// Builds dist/: the program bundled into one CommonJS file (dist/taskrole.cjs: one file loads faster than hundreds
// of modules), the executable that loads it (dist/cli.js) and V8's code cache for it (dist/taskrole.cjs.cache),
// made by starting the program once and serving a few requests. All for the start-up budget.
import { build } from 'esbuild'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeCodeCache } from './write-code-cache.mjs'

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // Whitespace and syntax only (names stay, so stack traces read as the source): less for node to read and parse.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
}

await build({
  ...common,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/taskrole.cjs',
  format: 'cjs',
  external: ['better-sqlite3'],
  // ESM builds of @smithy/* are far smaller than their CommonJS ones.
  mainFields: ['module', 'main'],
  // The sources find their data files from import.meta.url; in CommonJS that is the bundle's own URL.
  define: { 'import.meta.url': '__taskroleModuleUrl' },
  banner: { js: "const __taskroleModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
})
await build({
  ...common,
  entryPoints: ['src/boot/cli.ts'],
  outfile: 'dist/cli.js',
  format: 'esm',
  banner: { js: '#!/usr/bin/env node' },
})
chmodSync('dist/cli.js', 0o755)

const scratch = mkdtempSync(join(tmpdir(), 'taskrole-build-'))
try {
  await writeCodeCache({ cli: 'dist/cli.js', cache: 'dist/taskrole.cjs.cache', dataDir: scratch })
} catch (error) {
  // Only start-up time depends on it: say so and go on.
  rmSync('dist/taskrole.cjs.cache', { force: true })
  console.warn(`build: no code cache (${error instanceof Error ? error.message : String(error)}); taskrole starts without it`)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
