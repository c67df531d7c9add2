//! `taskrole start`: serve every AWS service on one loopback endpoint until SIGTERM.
import type { Command } from 'commander'
import { InvalidArgumentError } from 'commander'
import { resolve } from 'node:path'
import { startTaskrole } from '../../app.js'
import { isAccountId } from '../../aws/index.js'
import { isEnforcementMode } from '../../authz/index.js'
import { DEFAULTS, packageRoot, type TaskroleConfig } from '../../config.js'

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start taskrole in the foreground')
    .option('--host <host>', 'address to listen on', process.env.TASKROLE_HOST ?? DEFAULTS.host)
    .option('--port <port>', 'port to listen on (0 picks a free one)', parsePort, Number(process.env.TASKROLE_PORT ?? DEFAULTS.port))
    .option('--data-dir <dir>', 'where state is kept', process.env.TASKROLE_DATA_DIR ?? DEFAULTS.dataDir)
    .option('--enforcement <mode>', 'enforce | audit | off', parseEnforcement, process.env.TASKROLE_ENFORCEMENT ?? DEFAULTS.enforcement)
    .option('--auth <mode>', 'strict | lenient (lenient: unknown keys act as the default account root, unchecked)', parseAuth, process.env.TASKROLE_AUTH ?? DEFAULTS.auth)
    .option('--root-secret <secret>', 'secret access key of every account root', process.env.TASKROLE_ROOT_SECRET ?? DEFAULTS.rootSecret)
    .option('--default-account <id>', 'account of the placeholder key id `test`', parseAccount, process.env.TASKROLE_DEFAULT_ACCOUNT ?? DEFAULTS.defaultAccount)
    .option('--region <region>', 'region for requests that name none', process.env.TASKROLE_REGION ?? DEFAULTS.region)
    .option('--task-credential-seconds <n>', 'lifetime of task role credentials', parsePositive, Number(process.env.TASKROLE_TASK_CREDENTIAL_SECONDS ?? DEFAULTS.taskCredentialSeconds))
    .option('--link-local', 'also serve credentials on 169.254.170.2:80 (Linux, root, address routed by you)', false)
    .option('--access-log', 'print one line per API call', false)
    .action(async (options) => {
      const config: TaskroleConfig = {
        host: options.host,
        port: options.port,
        dataDir: resolve(options.dataDir),
        enforcement: options.enforcement,
        auth: options.auth,
        rootSecret: options.rootSecret,
        defaultAccount: options.defaultAccount,
        region: options.region,
        taskCredentialSeconds: options.taskCredentialSeconds,
        linkLocal: options.linkLocal,
        modelsDir: resolve(packageRoot(), 'models'),
        accessLog: options.accessLog,
      }
      if (config.auth === 'lenient') {
        process.stderr.write(
          '!!! taskrole: --auth lenient: requests signed with unknown keys are taken as the root of ' +
            `${config.defaultAccount} WITHOUT checking their signatures. Keys taskrole issued are still verified. !!!\n`,
        )
      }
      const running = await startTaskrole(config)
      process.stderr.write(`taskrole listening on ${running.endpoint} (data: ${config.dataDir}, enforcement: ${config.enforcement})\n`)
      let stopping = false
      const stop = (signal: string) => {
        if (stopping) return
        stopping = true
        process.stderr.write(`taskrole: ${signal} received, stopping\n`)
        running.close().then(
          () => process.exit(0),
          () => process.exit(1),
        )
      }
      process.on('SIGTERM', () => stop('SIGTERM'))
      process.on('SIGINT', () => stop('SIGINT'))
    })
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('not a port number')
  return port
}

function parsePositive(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('not a positive integer')
  return n
}

function parseEnforcement(value: string): string {
  if (!isEnforcementMode(value)) throw new InvalidArgumentError('must be enforce, audit or off')
  return value
}

function parseAuth(value: string): string {
  if (value !== 'strict' && value !== 'lenient') throw new InvalidArgumentError('must be strict or lenient')
  return value
}

function parseAccount(value: string): string {
  if (!isAccountId(value)) throw new InvalidArgumentError('an account id is 12 digits')
  return value
}
