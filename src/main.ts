//! Process entry: hands argv to the CLI.
import { runCli } from './cli/main.js'

runCli(process.argv).catch((error: unknown) => {
  process.stderr.write(`taskrole: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
