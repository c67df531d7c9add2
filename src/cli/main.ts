//! The taskrole command line: one line per command.
import { Command } from 'commander'
import { registerBootstrapAccountCommand } from './commands/bootstrap-account.js'
import { registerExplainCommand } from './commands/explain.js'
import { registerStartCommand } from './commands/start.js'

export async function runCli(argv: string[]): Promise<void> {
  const program = new Command('taskrole').description('a local emulator of the Amazon ECS task IAM role system').showHelpAfterError()
  registerStartCommand(program)
  registerExplainCommand(program)
  registerBootstrapAccountCommand(program)
  await program.parseAsync(argv)
}
