//! The `taskrole` program entry (dist/cli.js, built as CommonJS: node's ES module loader costs a start several ms
//! more). Loads the bundled program (dist/taskrole.cjs) with V8's code cache (dist/taskrole.cjs.cache, made by the
//! build), so a start skips most of parsing and compiling it: the larger share of start-up time after node's own.
//! Without a usable cache (another node version) it compiles as usual. bin/taskrole is the launcher that runs it.
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Script } from 'node:vm'

const program = join(__dirname, 'taskrole.cjs')
const cacheFile = `${program}.cache`

let cachedData: Buffer | undefined
try {
  cachedData = readFileSync(cacheFile)
} catch {
  cachedData = undefined
}
// The build makes the bundle pure ASCII (scripts/build.mjs checks), so latin1 reads it exactly, faster than UTF-8.
const source = readFileSync(program, 'latin1')
// CommonJS's own wrapper, so the bundle runs exactly as `require` would run it.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: program, cachedData })

// The build asks for the cache: written at exit, after a start and a few requests compiled what they use.
const writeTo = process.env.TASKROLE_WRITE_CODE_CACHE
if (writeTo) process.once('exit', () => writeFileSync(writeTo, script.createCachedData()))

const bundle = { exports: {} }
const run = script.runInThisContext() as (exports: object, require: NodeRequire, module: object, filename: string, dirname: string) => void
run(bundle.exports, createRequire(program), bundle, program, __dirname)
