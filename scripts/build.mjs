// Builds dist/: the program bundled into one CommonJS file (dist/taskrole.cjs: one file loads faster than hundreds
// of modules), the entry that loads it (dist/cli.js, CommonJS too) and V8's code cache for it
// (dist/taskrole.cjs.cache), made by starting the program once and serving a few requests. All for the start-up
// budget.
import { build } from 'esbuild'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
  // better-sqlite3's JavaScript is bundled (resolving its dozen files cost ms at start); its addon is loaded by path
  // (src/store/database.ts), so its addon finder `bindings` is never reached and stays out.
  external: ['bindings'],
  // ESM builds of @smithy/* are far smaller than their CommonJS ones.
  mainFields: ['module', 'main'],
  // The sources find their data files from import.meta.url; in CommonJS that is the bundle's own URL.
  define: { 'import.meta.url': '__taskroleModuleUrl' },
  banner: { js: "const __taskroleModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
})
// src/boot/cli.ts reads the bundle as latin1, which is exact only for ASCII (esbuild escapes the rest by default).
if (/[^\x00-\x7f]/.test(readFileSync('dist/taskrole.cjs', 'latin1'))) throw new Error('build: dist/taskrole.cjs is not ASCII')
await build({
  ...common,
  entryPoints: ['src/boot/cli.ts'],
  outfile: 'dist/cli.js',
  format: 'cjs',
  banner: { js: '#!/usr/bin/env node' },
})
// The package is "type": "module"; this makes node load dist/*.js as CommonJS, skipping its ES module loader.
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n')
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
