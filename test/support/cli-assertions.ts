//! The aws CLI as scenario tests use it: a command that must succeed or fail with a code, documents
//! written to files as users pass them, and one-statement Allow policies.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { awsCli, type ClientIdentity } from './aws-cli.js'

export function ok(args: string[], who: ClientIdentity): any {
  const result = awsCli(args, who)
  assert.equal(result.code, 0, `aws ${args.join(' ')}: ${result.stderr}`)
  return result.json ?? {}
}

/** A command that must fail with `An error occurred (<code>)`; returns the message after the operation name. */
export function fails(args: string[], who: ClientIdentity, code: string): string {
  const result = awsCli(args, who)
  assert.notEqual(result.code, 0, `aws ${args.join(' ')} should fail with ${code}; it printed ${result.stdout}`)
  const match = /An error occurred \(([^)]+)\) when calling the \w+ operation(?: \(reached max retries: \d+\))?: ?(.*)/s.exec(result.stderr)
  assert.ok(match, result.stderr)
  assert.equal(match[1], code, result.stderr)
  return match[2]!.trim()
}

const work = mkdtempSync(join(tmpdir(), 'taskrole-scenario-'))
process.once('exit', () => rmSync(work, { recursive: true, force: true }))
let files = 0

/** Writes text or JSON to a file: `file://…` (or `fileb://…` for raw bytes), as users pass documents and blobs. */
export function file(value: unknown, binary = false): string {
  const path = join(work, `doc-${files++}`)
  writeFileSync(path, Buffer.isBuffer(value) ? value : typeof value === 'string' ? value : JSON.stringify(value))
  return `${binary ? 'fileb' : 'file'}://${path}`
}

export function allow(actions: string | string[], resource: string | string[] = '*', condition?: unknown) {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource, ...(condition ? { Condition: condition } : {}) }] }
}

