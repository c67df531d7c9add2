// Bundles the CLI into dist/cli.js: one file loads faster than hundreds of modules (start-up budget).
import { build } from 'esbuild'
import { chmodSync } from 'node:fs'

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  // Whitespace and syntax only (names stay, so stack traces read as the source): less for node to read and parse
  // at every start.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  external: ['better-sqlite3'],
  // ESM builds of @smithy/* are far smaller than their CommonJS ones (start-up budget).
  mainFields: ['module', 'main'],
  // CommonJS dependencies inside an ESM bundle still call require().
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __taskroleCreateRequire } from 'node:module';\nconst require = __taskroleCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
})
chmodSync('dist/cli.js', 0o755)
