// Imports AWS's JSON service models (botocore's data/<service>/<version>/service-2.json) into
// models/<service>.json with every documentation string stripped (DESIGN.md §5).
// Usage: tsx scripts/import-models.ts [--botocore <botocore package dir>]
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'

const SERVICES = ['iam', 'sts', 'cloudtrail', 'ecs', 'logs', 'ecr', 'secretsmanager', 'ssm', 'kms', 'ec2', 'elbv2']
const DROPPED_KEYS = new Set(['documentation', 'documentationUrl', 'examples', 'deprecatedMessage'])

function botocoreDir(): string {
  const flag = process.argv.indexOf('--botocore')
  if (flag > 0 && process.argv[flag + 1]) return process.argv[flag + 1]!
  return execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' }).trim()
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) if (!DROPPED_KEYS.has(key)) out[key] = strip(inner)
    return out
  }
  return value
}

// Newer botocore ships its models gzipped.
function readModelText(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : gunzipSync(readFileSync(`${path}.gz`)).toString('utf8')
}

const root = botocoreDir()
const version = execFileSync('python3', ['-c', 'import botocore;print(botocore.__version__)'], { encoding: 'utf8' }).trim()
const lines: string[] = []
for (const service of SERVICES) {
  const dir = join(root, 'data', service)
  const newest = readdirSync(dir).filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name)).sort().at(-1)!
  const model = JSON.parse(readModelText(join(dir, newest, 'service-2.json')))
  writeFileSync(join('models', `${service}.json`), JSON.stringify(strip(model)) + '\n')
  lines.push(`| ${service} | ${newest} |`)
}
writeFileSync(
  join('models', 'SOURCE.md'),
  `# Service models\n\nImported by \`npm run models:import\` from botocore ${version} (Apache-2.0, Amazon.com, Inc.),\n` +
    `\`data/<service>/<api-version>/service-2.json\`, with all documentation strings removed.\n` +
    `Do not edit these files by hand; corrections go in \`patches.json\`.\n\n| model | API version |\n|---|---|\n${lines.join('\n')}\n`,
)
console.log(`imported ${SERVICES.length} models from botocore ${version}`)
