//! AWS's MalformedPolicyDocument messages, word for word (IAM CreatePolicy/PutRolePolicy/CreateRole answers
//! as recorded in public issue threads and AWS-verified emulator test suites; see research/iam.md §1.16).

export const SYNTAX_ERRORS = 'Syntax errors in policy.'
export const LEGACY_PARSING = 'The policy failed legacy parsing'
export const VERSION_REQUIRED = 'Policy document must be version 2012-10-17 or greater.'
export const MUST_CONTAIN_ACTIONS = 'Policy statement must contain actions.'
export const MUST_CONTAIN_RESOURCES = 'Policy statement must contain resources.'
export const SHOULD_NOT_SPECIFY_PRINCIPAL = 'Policy document should not specify a principal.'
export const SID_NOT_UNIQUE = 'Statement IDs (SID) in a single policy must be unique.'
export const SID_NOT_ALPHANUMERIC =
  'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*'
export const ACTION_NEEDS_VENDOR = 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'
export const ACTION_ONE_COLON = 'Actions/Condition can contain only one colon.'
export const ACTION_VENDOR_WILDCARD = 'Action vendors (e.g., aws, ec2, etc.) must not contain wildcards.'
export const RESOURCE_VENDOR_UNQUALIFIED = 'Resource vendor must be fully qualified and cannot contain regexes.'
export const TRUST_ACTIONS_ONLY =
  'Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity'
export const STATEMENT_WITHOUT_PRINCIPAL =
  'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!'

export const IAM_RESOURCE_PREFIXES = [
  'user/',
  'federated-user/',
  'role/',
  'group/',
  'instance-profile/',
  'mfa/',
  'server-certificate/',
  'policy/',
  'sms-mfa/',
  'saml-provider/',
  'oidc-provider/',
  'report/',
  'access-report/',
] as const

export const IAM_RESOURCE_PATH = `IAM resource path must either be "*", root, or start with ${IAM_RESOURCE_PREFIXES.join(', ')}.`

export function vendorNotValid(vendor: string): string {
  return `Vendor ${vendor} is not valid`
}

export function resourceNotArn(resource: string): string {
  return `Resource ${resource} must be in ARN format or "*".`
}

export function partitionNotValid(partition: string, rebuilt: string): string {
  return `Partition "${partition}" is not valid for resource "${rebuilt}".`
}

export function iamResourceWithRegion(resource: string): string {
  return `IAM resource ${resource} cannot contain region information.`
}

export function s3ResourceWithRegion(resource: string): string {
  return `Resource ${resource} can not contain region information.`
}

export function prohibitedField(field: string): string {
  return `Has prohibited field ${field}`
}

/** `"AWS":"arn:aws:iam::123456789012:role/x"`, `"SERVICE":"ecs-tasks.amazonaws.con"`: AWS upper-cases every key but AWS. */
export function invalidPrincipal(key: string, value: string): string {
  const shown = key === 'AWS' ? 'AWS' : key.toUpperCase()
  return `Invalid principal in policy: "${shown}":"${value}"`
}
