//! bin/taskrole, the command `npx taskrole` and `npm start` run: found through a symlink as npm's .bin links it,
//! it starts the server, which answers the aws CLI and stops on SIGTERM; and it drops NODE_EXTRA_CA_CERTS, which
//! node would otherwise read and parse before running any JavaScript (taskrole makes no TLS connection).
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { awsCli, newAccount, rootOf } from '../support/aws-cli.js'
import { clientTools } from '../support/client-tools.js'
import { CLI, REPO_ROOT } from '../support/start-taskrole.js'

// A bundle node cannot read: when node reads it, it says so on stderr at start.
const UNREADABLE_CA = { NODE_EXTRA_CA_CERTS: '/nonexistent/taskrole-test-ca.pem' }
const CA_WARNING = /extra certs/i

test('node itself reads NODE_EXTRA_CA_CERTS at start (what the launcher saves)', () => {
  const plain = spawnSync(process.execPath, [CLI, '--help'], { env: { ...process.env, ...UNREADABLE_CA }, encoding: 'utf8' })
  assert.equal(plain.status, 0)
  assert.match(plain.stderr, CA_WARNING)
})

test('bin/taskrole through a symlink: starts, answers the aws CLI, skips the CA bundle, stops on SIGTERM', async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'taskrole-launcher-'))
  try {
    const link = join(scratch, 'taskrole')
    symlinkSync(join(REPO_ROOT, 'bin', 'taskrole'), link)
    const child = spawn(link, ['start', '--port', '0', '--data-dir', join(scratch, 'data')], {
      cwd: scratch,
      env: { ...process.env, PATH: clientTools().path, ...UNREADABLE_CA },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start within 15 s:\n${stderr}`)), 15_000)
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr)
        if (match) {
          clearTimeout(timer)
          resolve(Number(match[1]))
        }
      })
      void exited.then((code) => reject(new Error(`exited with ${code}:\n${stderr}`)))
    })
    try {
      const account = newAccount()
      const identity = awsCli(['sts', 'get-caller-identity'], rootOf(`http://127.0.0.1:${port}`, account))
      assert.equal(identity.code, 0, identity.stderr)
      assert.equal(identity.json.Arn, `arn:aws:iam::${account}:root`)
      assert.doesNotMatch(stderr, CA_WARNING)
    } finally {
      child.kill('SIGTERM')
    }
    assert.equal(await exited, 0, stderr)
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
})
