//! The `taskrole` executable (dist/cli.js): loads the bundled program (dist/taskrole.cjs) with V8's code cache
//! (dist/taskrole.cjs.cache, made by the build), so a start skips most of parsing and compiling it: the larger
//! share of start-up time after node's own. Without a usable cache (another node version) it compiles as usual.
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Script } from 'node:vm'

const here = dirname(fileURLToPath(import.meta.url))
const program = join(here, 'taskrole.cjs')
const cacheFile = `${program}.cache`

let cachedData: Buffer | undefined
try {
  cachedData = readFileSync(cacheFile)
} catch {
  cachedData = undefined
}
const source = readFileSync(program, 'utf8')
// CommonJS's own wrapper, so the bundle runs exactly as `require` would run it.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: program, cachedData })

// The build asks for the cache: written at exit, after a start and a few requests compiled what they use.
const writeTo = process.env.TASKROLE_WRITE_CODE_CACHE
if (writeTo) process.once('exit', () => writeFileSync(writeTo, script.createCachedData()))

const module = { exports: {} }
const run = script.runInThisContext() as (exports: object, require: NodeRequire, module: object, filename: string, dirname: string) => void
run(module.exports, createRequire(program), module, program, here)
