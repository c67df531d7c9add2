//! Decision table for the Condition element: every operator family, IfExists, ForAllValues/ForAnyValue with
//! AWS's empty-set rules, negated operators (NOR and missing keys), case rules and policy variables.
//! Each row is an Allow statement with the condition; `holds` is whether the request is allowed.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { evaluate, type ContextValue } from '../../src/engine/index.js'
import { ACCOUNT, policy, principals, request } from './engine-test-kit.js'

const OPERATORS = 'IAM User Guide, "IAM JSON policy elements: Condition operators"'
const MULTI = 'IAM User Guide, "Creating a condition with multiple context keys or values" / "Single-valued vs. multivalued context keys"'
const VARIABLES = 'IAM User Guide, "IAM policy elements: Variables and tags"'
const CONDITION = 'IAM User Guide, "IAM JSON policy elements: Condition"'

interface ConditionCase {
  name: string
  source: string
  condition: Record<string, Record<string, unknown>>
  context: Record<string, ContextValue>
  holds: boolean
  version?: string | null
  resource?: string
  principal?: ReturnType<typeof principals.user>
  /** The statement's Resource (defaults to "*"). */
  statementResource?: string
}

function decideRow(row: ConditionCase): boolean {
  const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: row.statementResource ?? '*', Condition: row.condition }
  const document = row.version === null ? { Statement: [statement] } : { Version: row.version ?? '2012-10-17', Statement: [statement] }
  const compiled = policy('identity', document)
  const decision = evaluate(request(row.principal ?? principals.user('Alice'), 's3:GetObject', row.resource ?? 'arn:aws:s3:::bucket/key', row.context), {
    identity: [compiled],
  })
  return decision.decision === 'allowed'
}

const rows: ConditionCase[] = [
  // ---- String
  { name: 'StringEquals is case-sensitive (match)', source: `${OPERATORS}, String: "Exact matching, case sensitive"`, condition: { StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } }, context: { 'aws:PrincipalTag/job-category': 'iamuser-admin' }, holds: true },
  { name: 'StringEquals is case-sensitive (no match)', source: `${OPERATORS}, String: "Exact matching, case sensitive"`, condition: { StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } }, context: { 'aws:PrincipalTag/job-category': 'IAMUSER-ADMIN' }, holds: false },
  { name: 'StringEquals treats * literally', source: 'research/iam.md §1.12: "*Equals never does (* is literal)"', condition: { StringEquals: { 's3:prefix': 'home/*' } }, context: { 's3:prefix': 'home/alice' }, holds: false },
  { name: 'StringEqualsIgnoreCase ignores case', source: `${OPERATORS}, String: "Exact matching, ignoring case"`, condition: { StringEqualsIgnoreCase: { 'aws:PrincipalTag/department': 'HR' } }, context: { 'aws:PrincipalTag/department': 'hr' }, holds: true },
  { name: 'StringNotEqualsIgnoreCase', source: `${OPERATORS}, String: "Negated matching, ignoring case"`, condition: { StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/department': 'HR' } }, context: { 'aws:PrincipalTag/department': 'hr' }, holds: false },
  { name: 'StringLike * matches any run', source: `${OPERATORS}, String: "Case-sensitive matching. The values can include multi-character match wildcards (*)"`, condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/*'] } }, context: { 's3:prefix': 'home/Alice/docs/a.txt', 'aws:username': 'Alice' }, holds: true },
  { name: 'StringLike ? matches one character', source: `${OPERATORS}, String: "single-character match wildcards (?)"`, condition: { StringLike: { 'ec2:InstanceType': 't?.micro' } }, context: { 'ec2:InstanceType': 't3.micro' }, holds: true },
  { name: 'StringLike is case-sensitive', source: `${OPERATORS}, String: "Case-sensitive matching"`, condition: { StringLike: { 'ec2:InstanceType': 't3.*' } }, context: { 'ec2:InstanceType': 'T3.micro' }, holds: false },
  { name: 'StringNotLike', source: `${OPERATORS}, String: "Negated case-sensitive matching"`, condition: { StringNotLike: { 'ec2:InstanceType': ['t3.*', 'm5.*'] } }, context: { 'ec2:InstanceType': 'c5.large' }, holds: true },
  { name: 'several values of one key OR together', source: `${MULTI}: "a single condition operator includes multiple values for one key ... logical OR"`, condition: { StringEquals: { 'aws:PrincipalAccount': ['111111111111', ACCOUNT] } }, context: { 'aws:PrincipalAccount': ACCOUNT }, holds: true },
  { name: 'StringNotEquals over several values is NOR (equal to one of them)', source: `${MULTI}: "the string cannot match any of the aws:PrincipalAccount values listed to resolve the condition to true"`, condition: { StringNotEquals: { 'aws:PrincipalAccount': ['111111111111', ACCOUNT] } }, context: { 'aws:PrincipalAccount': ACCOUNT }, holds: false },
  { name: 'StringNotEquals over several values is NOR (equal to none)', source: `${MULTI}, same passage`, condition: { StringNotEquals: { 'aws:PrincipalAccount': ['111111111111', '222222222222'] } }, context: { 'aws:PrincipalAccount': ACCOUNT }, holds: true },
  { name: 'different keys AND together', source: `${MULTI}: "multiple keys attached to a single condition operator ... logical AND"`, condition: { StringEquals: { 'aws:PrincipalTag/department': 'hr', 'aws:PrincipalAccount': ACCOUNT } }, context: { 'aws:PrincipalTag/department': 'hr', 'aws:PrincipalAccount': '999999999999' }, holds: false },
  { name: 'different operators AND together', source: `${MULTI}: "multiple condition operators ... logical AND"`, condition: { StringEqualsIgnoreCase: { 'aws:PrincipalTag/department': 'HR' }, StringEquals: { 'aws:PrincipalAccount': ACCOUNT } }, context: { 'aws:PrincipalTag/department': 'hr', 'aws:PrincipalAccount': ACCOUNT }, holds: true },
  // ---- case rules for keys
  { name: 'condition key names are case-insensitive', source: `${CONDITION}: "including the aws:SourceIP condition key is equivalent to testing for AWS:SourceIp"`, condition: { IpAddress: { 'AWS:SOURCEIP': '203.0.113.0/24' } }, context: { 'aws:SourceIp': '203.0.113.9' }, holds: true },
  { name: 'tag keys in aws:PrincipalTag are case-insensitive', source: `${CONDITION}: "the condition matches a resource tag key named either TagKey1 or tagkey1"`, condition: { StringEquals: { 'aws:PrincipalTag/Team': 'team-a' } }, context: { 'aws:principaltag/team': 'team-a' }, holds: true },
  { name: 'tag values stay case-sensitive', source: `${OPERATORS}, String: StringEquals is case sensitive`, condition: { StringEquals: { 'aws:PrincipalTag/Team': 'team-a' } }, context: { 'aws:PrincipalTag/team': 'Team-A' }, holds: false },
  // ---- missing keys
  { name: 'a missing key fails a positive operator', source: `${OPERATORS}: "If the key ... is not present in the request context, the values do not match and the condition is false"`, condition: { StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } }, context: {}, holds: false },
  { name: 'a missing key satisfies a negated operator', source: `${OPERATORS}: "If the policy condition requires that the key is not matched, such as StringNotLike or ArnNotLike, and the right key is not present, the condition is true"`, condition: { ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:*' } }, context: {}, holds: true },
  { name: 'IfExists: absent key is true', source: `${OPERATORS}, "...IfExists": "If the key is not present, evaluate the condition element as true"`, condition: { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } }, context: {}, holds: true },
  { name: 'IfExists: present key is tested', source: `${OPERATORS}, "...IfExists": "If the policy key is present ... process the key as specified"`, condition: { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } }, context: { 'ec2:InstanceType': 'c5.large' }, holds: false },
  // ---- Numeric
  { name: 'NumericLessThanEquals s3:max-keys 10 (10)', source: `${OPERATORS}, Numeric example: "s3:max-keys": "10"`, condition: { NumericLessThanEquals: { 's3:max-keys': '10' } }, context: { 's3:max-keys': '10' }, holds: true },
  { name: 'NumericLessThanEquals s3:max-keys 10 (11)', source: `${OPERATORS}, Numeric example`, condition: { NumericLessThanEquals: { 's3:max-keys': '10' } }, context: { 's3:max-keys': 11 }, holds: false },
  { name: 'NumericLessThan with decimals', source: `${OPERATORS}, Numeric: integers or decimals`, condition: { NumericLessThan: { 'custom:ratio': '0.5' } }, context: { 'custom:ratio': '0.25' }, holds: true },
  { name: 'NumericGreaterThan with a non-number request value', source: `${OPERATORS}, Numeric`, condition: { NumericGreaterThan: { 's3:max-keys': '1' } }, context: { 's3:max-keys': 'many' }, holds: false },
  { name: 'NumericNotEquals', source: `${OPERATORS}, Numeric: "Negated matching"`, condition: { NumericNotEquals: { 's3:max-keys': ['10', '20'] } }, context: { 's3:max-keys': '15' }, holds: true },
  { name: 'NumericGreaterThanEquals with a JSON number in the policy', source: `${OPERATORS}, Numeric`, condition: { NumericGreaterThanEquals: { 's3:max-keys': 10 } }, context: { 's3:max-keys': '10' }, holds: true },
  // ---- Date
  { name: 'DateLessThan aws:CurrentTime before the date', source: `${OPERATORS}, Date example: "DateLessThan": {"aws:TokenIssueTime": "2020-01-01T00:00:01Z"}`, condition: { DateLessThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:01Z' } }, context: { 'aws:TokenIssueTime': '2019-12-31T23:00:00Z' }, holds: true },
  { name: 'DateLessThan aws:CurrentTime after the date', source: `${OPERATORS}, Date example`, condition: { DateLessThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:01Z' } }, context: { 'aws:TokenIssueTime': '2020-06-01T00:00:00Z' }, holds: false },
  { name: 'DateGreaterThan with epoch seconds in the policy', source: `${OPERATORS}, Date: "W3C implementations of the ISO 8601 date formats" or epoch time`, condition: { DateGreaterThan: { 'aws:CurrentTime': '1577836800' } }, context: { 'aws:CurrentTime': '2020-01-01T00:00:01Z' }, holds: true },
  { name: 'DateEquals across time zones', source: `${OPERATORS}, Date: ISO 8601 with offsets`, condition: { DateEquals: { 'aws:CurrentTime': '2020-01-01T01:00:00+01:00' } }, context: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' }, holds: true },
  { name: 'DateNotEquals', source: `${OPERATORS}, Date: "Negated matching"`, condition: { DateNotEquals: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }, context: { 'aws:CurrentTime': '2021-01-01T00:00:00Z' }, holds: true },
  { name: 'DateGreaterThanEquals against aws:EpochTime', source: 'IAM User Guide, "AWS global condition context keys": aws:EpochTime "in epoch or Unix time"', condition: { DateGreaterThanEquals: { 'aws:EpochTime': '2020-01-01T00:00:00Z' } }, context: { 'aws:EpochTime': 1577836800 }, holds: true },
  { name: 'a missing date key with DateLessThan is false', source: `${OPERATORS}, Date: "The aws:TokenIssueTime key is present in the request context only when the principal uses temporary credentials"`, condition: { DateLessThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:01Z' } }, context: {}, holds: false },
  // ---- Bool
  { name: 'Bool aws:SecureTransport false (plain HTTP)', source: `${OPERATORS}, Boolean example: "Bool": {"aws:SecureTransport": "false"}`, condition: { Bool: { 'aws:SecureTransport': 'false' } }, context: { 'aws:SecureTransport': 'false' }, holds: true },
  { name: 'Bool aws:SecureTransport false (HTTPS)', source: `${OPERATORS}, Boolean example`, condition: { Bool: { 'aws:SecureTransport': 'false' } }, context: { 'aws:SecureTransport': true }, holds: false },
  { name: 'Bool with a JSON boolean in the policy', source: `${OPERATORS}, Boolean`, condition: { Bool: { 'aws:MultiFactorAuthPresent': true } }, context: { 'aws:MultiFactorAuthPresent': 'true' }, holds: true },
  { name: 'BoolIfExists false for a missing MFA key', source: 'IAM User Guide, "AWS: Allows MFA-authenticated IAM users to manage their own credentials": "BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}', condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, context: {}, holds: true },
  // ---- Binary
  { name: 'BinaryEquals compares the bytes of base-64 values', source: `${OPERATORS}, Binary example: "key" : "QmluYXJ5VmFsdWVJbkJhc2U2NA=="`, condition: { BinaryEquals: { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }, context: { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' }, holds: true },
  { name: 'BinaryEquals with different bytes', source: `${OPERATORS}, Binary example`, condition: { BinaryEquals: { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }, context: { key: 'b3RoZXI=' }, holds: false },
  // ---- IP
  { name: 'IpAddress in 203.0.113.0/24', source: `${OPERATORS}, IP example: "IpAddress": {"aws:SourceIp": "203.0.113.0/24"}`, condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, context: { 'aws:SourceIp': '203.0.113.200' }, holds: true },
  { name: 'IpAddress outside 203.0.113.0/24', source: `${OPERATORS}, IP example`, condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, context: { 'aws:SourceIp': '198.51.100.7' }, holds: false },
  { name: 'IpAddress with IPv6 2001:DB8:1234:5678::/64', source: `${OPERATORS}, IP example mixing IPv4 and IPv6: "2001:DB8:1234:5678::/64"`, condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8:1234:5678::/64'] } }, context: { 'aws:SourceIp': '2001:db8:1234:5678:abcd::1' }, holds: true },
  { name: 'IpAddress IPv6 outside the block', source: `${OPERATORS}, IP example`, condition: { IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } }, context: { 'aws:SourceIp': '2001:db8:1234:5679::1' }, holds: false },
  { name: 'a bare address is a /32', source: 'research/iam.md §1.10: "bare address = /32"', condition: { IpAddress: { 'aws:SourceIp': '10.0.12.34' } }, context: { 'aws:SourceIp': '10.0.12.35' }, holds: false },
  { name: 'NotIpAddress', source: `${OPERATORS}, IP: NotIpAddress "Negated matching"`, condition: { NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] } }, context: { 'aws:SourceIp': '10.0.12.34' }, holds: true },
  { name: 'IpAddress without aws:SourceIp (VPC endpoint request)', source: `${OPERATORS}, IP: "the condition returns false" when the requester uses a VPC endpoint`, condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, context: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, holds: false },
  // ---- ARN
  { name: 'ArnEquals with the documented SNS topic ARN', source: `${OPERATORS}, ARN example: "ArnEquals": {"aws:SourceArn": "arn:aws:sns:REGION:123456789012:TOPIC-ID"}`, condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:TOPIC-ID' } }, context: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:TOPIC-ID' }, holds: true },
  { name: 'ArnLike with wildcards per part (ECS confused-deputy condition)', source: 'ECS Developer Guide, task role trust: "ArnLike": {"aws:SourceArn": "arn:aws:ecs:<region>:<acct>:*"}', condition: { ArnLike: { 'aws:SourceArn': `arn:aws:ecs:us-east-1:${ACCOUNT}:*` } }, context: { 'aws:SourceArn': `arn:aws:ecs:us-east-1:${ACCOUNT}:task/default/0f5c` }, holds: true },
  { name: 'ArnLike: a * region does not cross into the account part', source: 'research/iam.md §1.10: "each of the six colon-separated ARN parts is matched separately"', condition: { ArnLike: { 'aws:SourceArn': `arn:aws:ecs:*:${ACCOUNT}:*` } }, context: { 'aws:SourceArn': 'arn:aws:ecs:us-east-1:999988887777:task/x' }, holds: false },
  { name: 'ArnEquals behaves like ArnLike', source: 'research/iam.md §1.10: "Equals≡Like"', condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:ecs:*:*:task/*' } }, context: { 'aws:SourceArn': `arn:aws:ecs:us-east-1:${ACCOUNT}:task/default/1` }, holds: true },
  { name: 'ArnNotLike', source: `${OPERATORS}, ARN: "Negated case-sensitive matching of the ARN"`, condition: { ArnNotLike: { 'aws:SourceArn': 'arn:aws:ecs:*:*:task/*' } }, context: { 'aws:SourceArn': `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f` }, holds: true },
  { name: 'ArnLike with a value that is not an ARN', source: `${OPERATORS}, ARN`, condition: { ArnLike: { 'aws:SourceArn': '*' } }, context: { 'aws:SourceArn': 'not-an-arn' }, holds: false },
  // ---- Null
  { name: 'Null true: the key is absent', source: `${OPERATORS}, Null example: "Null":{"aws:TokenIssueTime":"true"}`, condition: { Null: { 'aws:TokenIssueTime': 'true' } }, context: {}, holds: true },
  { name: 'Null true: the key is present', source: `${OPERATORS}, Null example`, condition: { Null: { 'aws:TokenIssueTime': 'true' } }, context: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' }, holds: false },
  { name: 'Null false: the key is present', source: `${OPERATORS}, Null: "false (the key exists and its value is not null)"`, condition: { Null: { 'aws:TokenIssueTime': 'false' } }, context: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' }, holds: true },
  // ---- set qualifiers
  { name: 'ForAllValues: every requested attribute is listed', source: `${MULTI}, dynamodb:Attributes example (Message and Tags requested)`, condition: { 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['ID', 'Message', 'Tags'] } }, context: { 'dynamodb:Attributes': ['Message', 'Tags'] }, holds: true },
  { name: 'ForAllValues: UserName is not listed', source: `${MULTI}, dynamodb:Attributes example ("if the user's request includes the UserName attribute, the request fails")`, condition: { 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['PostDateTime', 'Message', 'Tags'] } }, context: { 'dynamodb:Attributes': ['PostDateTime', 'UserName'] }, holds: false },
  { name: 'ForAllValues: an absent key is true', source: `${MULTI}: ForAllValues "also returns true if there are no keys in the request"`, condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } }, context: {}, holds: true },
  { name: 'ForAllValues: an empty list is true', source: `${MULTI}: "If the key values in the request resolve to an empty data set, such as an empty list, ... ForAllValues returns true"`, condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } }, context: { 'aws:TagKeys': [] }, holds: true },
  { name: 'ForAllValues: an empty string is the empty set', source: `${MULTI}: "or if the key values resolve to a null data set, such as an empty string"`, condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } }, context: { 'aws:TagKeys': '' }, holds: true },
  { name: 'ForAnyValue: one requested attribute is listed', source: `${MULTI}, ForAnyValue example (PostDateTime matches)`, condition: { 'ForAnyValue:StringEquals': { 'dynamodb:Attributes': ['ID', 'PostDateTime'] } }, context: { 'dynamodb:Attributes': ['UserName', 'Message', 'PostDateTime'] }, holds: true },
  { name: 'ForAnyValue: none is listed', source: `${MULTI}, ForAnyValue example (PutItem with only UserName)`, condition: { 'ForAnyValue:StringEquals': { 'dynamodb:Attributes': ['ID', 'PostDateTime'] } }, context: { 'dynamodb:Attributes': ['UserName'] }, holds: false },
  { name: 'ForAnyValue: an absent key is false', source: `${MULTI}: ForAnyValue "For no matching key or a null dataset, the condition returns false"`, condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } }, context: {}, holds: false },
  { name: 'ForAnyValue: an empty list is false', source: `${MULTI}: "A condition operator modified by ForAnyValue returns false"`, condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } }, context: { 'aws:TagKeys': [] }, holds: false },
  { name: 'ForAnyValue...IfExists: an absent key is true', source: `${OPERATORS}, "...IfExists" applies to any operator`, condition: { 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'team' } }, context: {}, holds: true },
  { name: 'ForAllValues:StringNotEquals: no requested value is listed', source: 'research/iam.md §1.10: "ForAllValues:StringNotEquals = no request value is in the list"', condition: { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['admin', 'owner'] } }, context: { 'aws:TagKeys': ['team', 'env'] }, holds: true },
  { name: 'ForAllValues:StringNotEquals: one requested value is listed', source: 'research/iam.md §1.10', condition: { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['admin', 'owner'] } }, context: { 'aws:TagKeys': ['team', 'owner'] }, holds: false },
  { name: 'ForAnyValue:StringNotEquals: one requested value is not listed', source: 'research/iam.md §1.10: "ForAnyValue:StringNotEquals = at least one request value is not in the list"', condition: { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['team', 'env'] } }, context: { 'aws:TagKeys': ['team', 'cost'] }, holds: true },
  { name: 'ForAnyValue:StringNotEquals: every requested value is listed', source: 'research/iam.md §1.10', condition: { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['team', 'env'] } }, context: { 'aws:TagKeys': ['team', 'env'] }, holds: false },
  { name: 'ForAnyValue:StringLike over aws:CalledVia', source: 'IAM User Guide, "AWS global condition context keys": aws:CalledVia is multivalued', condition: { 'ForAnyValue:StringLike': { 'aws:CalledVia': 'cloudformation.*' } }, context: { 'aws:CalledVia': ['athena.amazonaws.com', 'cloudformation.amazonaws.com'] }, holds: true },
  // ---- policy variables
  { name: '${aws:username} in a Resource', source: `${VARIABLES}: "arn:aws:s3:::amzn-s3-demo-bucket/\${aws:username}/*"`, condition: {}, context: { 'aws:username': 'Alice' }, statementResource: 'arn:aws:s3:::bucket/${aws:username}/*', resource: 'arn:aws:s3:::bucket/Alice/notes.txt', holds: true },
  { name: '${aws:username} does not reach another user\'s prefix', source: `${VARIABLES}, same example`, condition: {}, context: { 'aws:username': 'Alice' }, statementResource: 'arn:aws:s3:::bucket/${aws:username}/*', resource: 'arn:aws:s3:::bucket/Bob/notes.txt', holds: false },
  { name: 'a variable without a value makes the Resource match nothing', source: `${VARIABLES}, "Policy variables with no value": "the resource that includes a policy variable with no value will not match any resource"`, condition: {}, context: {}, statementResource: 'arn:aws:s3:::bucket/${aws:username}/*', resource: 'arn:aws:s3:::bucket/${aws:username}/x', holds: false },
  { name: 'variables are literal under Version 2008-10-17', source: 'IAM User Guide, "IAM JSON policy elements: Version": in 2008-10-17 "variables such as ${aws:username} aren\'t recognized as variables and are instead treated as literal strings"', version: '2008-10-17', condition: {}, context: { 'aws:username': 'Alice' }, statementResource: 'arn:aws:s3:::bucket/${aws:username}/*', resource: 'arn:aws:s3:::bucket/${aws:username}/x', holds: true },
  { name: 'variables are literal without a Version element', source: `${VARIABLES}: "If you don't include the Version element and set it to an appropriate version date, variables like \${aws:username} are treated as literal strings in the policy"`, version: null, condition: {}, context: { 'aws:username': 'Alice' }, statementResource: 'arn:aws:s3:::bucket/${aws:username}/*', resource: 'arn:aws:s3:::bucket/Alice/x', holds: false },
  { name: 'a variable in a condition value', source: `${VARIABLES}, "Specifying default values"/tags: "aws:ResourceTag/owner": "\${aws:username}"`, condition: { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } }, context: { 'aws:ResourceTag/owner': 'Alice', 'aws:username': 'Alice' }, holds: true },
  { name: 'a default value when the key is absent', source: `${VARIABLES}, "Specifying default values": "\${aws:PrincipalTag/team, 'company-wide'}"`, condition: {}, context: {}, statementResource: "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'company-wide'}/*", resource: 'arn:aws:s3:::bucket/company-wide/x', holds: true },
  { name: 'the default is not used when the key is present', source: `${VARIABLES}, "Specifying default values"`, condition: {}, context: { 'aws:PrincipalTag/team': 'blue' }, statementResource: "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'company-wide'}/*", resource: 'arn:aws:s3:::bucket/company-wide/x', holds: false },
  { name: '${*} is a literal asterisk', source: `${VARIABLES}, "Special characters": "inserting an * asterisk in the string would be interpreted as a wildcard"; \${*} is the literal`, condition: {}, context: {}, statementResource: 'arn:aws:s3:::bucket/${*}', resource: 'arn:aws:s3:::bucket/anything', holds: false },
  { name: '${*} matches an object literally named *', source: `${VARIABLES}, "Special characters"`, condition: {}, context: {}, statementResource: 'arn:aws:s3:::bucket/${*}', resource: 'arn:aws:s3:::bucket/*', holds: true },
  { name: '${?} and ${$} are literal ? and $', source: `${VARIABLES}, "Special characters": \${?} and \${$}`, condition: { StringEquals: { 's3:prefix': 'a${?}b${$}' } }, context: { 's3:prefix': 'a?b$' }, holds: true },
  { name: 'a substituted value never acts as a wildcard', source: `${VARIABLES}: the variable is replaced by the request's value`, condition: { StringLike: { 's3:prefix': '${aws:username}/*' } }, context: { 'aws:username': 'A*', 's3:prefix': 'Alice/x' }, holds: false },
  { name: 'variable names are case-insensitive keys', source: `${VARIABLES}: "Key names are case-insensitive. For example, aws:CurrentTime is equivalent to AWS:currenttime"`, condition: {}, context: { 'aws:username': 'Alice' }, statementResource: 'arn:aws:s3:::bucket/${AWS:UserName}/*', resource: 'arn:aws:s3:::bucket/Alice/x', holds: true },
  { name: 'StringNotEquals with an unresolved variable is true', source: `${VARIABLES}, "Policy variables with no value": "Access is specifically denied when aws:principaltag/Team is not set"`, condition: { StringNotEquals: { 's3:ExistingObjectTag/Team': '${aws:PrincipalTag/Team}' } }, context: { 's3:ExistingObjectTag/Team': 'blue' }, holds: true },
  { name: 'numeric operators take no variables', source: `${CONDITION}: "When you use string operators or ARN operators, you can also use a policy variable in the condition value"`, condition: { NumericEquals: { 's3:max-keys': '${aws:username}' } }, context: { 's3:max-keys': '5', 'aws:username': '5' }, holds: false },
]

for (const row of rows) {
  test(`${row.name} — ${row.source}`, () => {
    assert.equal(decideRow(row), row.holds)
  })
}

test('Deny + StringNotEqualsIfExists still denies when the key is missing', () => {
  // IAM User Guide, "...IfExists": "If you are using an "Effect": "Deny" element with a negated condition
  // operator like StringNotEqualsIfExists, the request is still denied even if the tag is missing."
  const compiled = policy('identity', {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: '*' },
      { Effect: 'Deny', Action: 'ecr:BatchGetImage', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } },
    ],
  })
  const present = evaluate(request(principals.user('Alice'), 'ecr:BatchGetImage', 'arn:aws:ecr:us-east-1:111122223333:repository/x', { 'aws:SourceVpce': 'vpce-0000' }), { identity: [compiled] })
  assert.equal(present.decision, 'explicitDeny')
  const matching = evaluate(request(principals.user('Alice'), 'ecr:BatchGetImage', 'arn:aws:ecr:us-east-1:111122223333:repository/x', { 'aws:SourceVpce': 'vpce-1a2b3c4d' }), { identity: [compiled] })
  assert.equal(matching.decision, 'allowed')
  const absent = evaluate(request(principals.user('Alice'), 'ecr:BatchGetImage', 'arn:aws:ecr:us-east-1:111122223333:repository/x', {}), { identity: [compiled] })
  // With IfExists an absent key makes the condition true, so the Deny applies.
  assert.equal(absent.decision, 'explicitDeny')
})
