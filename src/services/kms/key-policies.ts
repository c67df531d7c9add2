//! The key policies KMS writes itself: the default policy of a customer managed key, and the policies of the
//! AWS managed keys aws/ssm and aws/secretsmanager (KMS Developer Guide, "Default key policy"; Secrets Manager
//! User Guide, "Key policy of the AWS managed key (aws/secretsmanager)"; policies as read from real accounts).

/** "Enable IAM User Permissions": the account root gets kms:*, which delegates the key to IAM policies. */
export function defaultKeyPolicy(account: string): string {
  return jacksonText({
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  })
}

/** Every principal of the account may use the key, but only through SSM; the account may read its metadata. */
export function ssmManagedKeyPolicy(account: string, region: string): string {
  return jacksonText({
    Version: '2012-10-17',
    Id: 'auto-ssm-1',
    Statement: [
      {
        Sid: 'Allow access through SSM for all principals in the account that are authorized to use SSM',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': account, 'kms:ViaService': `ssm.${region}.amazonaws.com` } },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*'],
        Resource: '*',
      },
    ],
  })
}

export function secretsManagerManagedKeyPolicy(account: string, region: string): string {
  const sid = 'Allow access through AWS Secrets Manager for all principals in the account that are authorized to use AWS Secrets Manager'
  return jacksonText({
    Version: '2012-10-17',
    Id: 'auto-secretsmanager-2',
    Statement: [
      {
        Sid: sid,
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:CreateGrant', 'kms:DescribeKey'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': account, 'kms:ViaService': `secretsmanager.${region}.amazonaws.com` } },
      },
      {
        Sid: sid,
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'kms:GenerateDataKey*',
        Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': account }, StringLike: { 'kms:ViaService': 'secretsmanager.*.amazonaws.com' } },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
        Resource: '*',
      },
    ],
  })
}

/**
 * JSON as KMS prints the policies it writes (Jackson's default pretty printer): objects one member per line,
 * `" : "` between name and value, arrays inline (`[ {` … `} ]`), two spaces per nested object.
 */
export function jacksonText(value: unknown, depth = 0): string {
  if (Array.isArray(value)) return value.length ? `[ ${value.map((item) => jacksonText(item, depth)).join(', ')} ]` : '[ ]'
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (!entries.length) return '{ }'
    const pad = '  '.repeat(depth + 1)
    const members = entries.map(([name, inner]) => `${pad}${JSON.stringify(name)} : ${jacksonText(inner, depth + 1)}`)
    return `{\n${members.join(',\n')}\n${'  '.repeat(depth)}}`
  }
  return JSON.stringify(value)
}
