//! AWS Systems Manager Parameter Store: String, StringList and SecureString parameters with versions, labels,
//! paths and tags; SecureStrings encrypted under KMS keys for the caller; references to Secrets Manager secrets
//! (/aws/reference/secretsmanager/…). Parameter values never reach the audit trail.
import type { OperationDefinition, ServiceDefinition } from '../../dispatch/index.js'
import { SSM_AUTHORIZATION } from './authorization.js'
import { deleteParameter, deleteParameters } from './delete-parameters.js'
import { describeParameters } from './describe-parameters.js'
import { getParameter, getParameterHistory, getParameters } from './get-parameters.js'
import { labelParameterVersion } from './parameter-labels.js'
import { addTagsToResource, listTagsForResource, removeTagsFromResource } from './parameter-tags.js'
import { getParametersByPath } from './parameters-by-path.js'
import { putParameter } from './put-parameter.js'

const handlers: Record<string, OperationDefinition['handler']> = {
  PutParameter: putParameter,
  GetParameter: getParameter,
  GetParameters: getParameters,
  GetParameterHistory: getParameterHistory,
  GetParametersByPath: getParametersByPath,
  DescribeParameters: describeParameters,
  DeleteParameter: deleteParameter,
  DeleteParameters: deleteParameters,
  LabelParameterVersion: labelParameterVersion,
  AddTagsToResource: addTagsToResource,
  RemoveTagsFromResource: removeTagsFromResource,
  ListTagsForResource: listTagsForResource,
}

export const ssmService: ServiceDefinition = {
  service: 'ssm',
  eventSource: 'ssm.amazonaws.com',
  accessDenied: { code: 'AccessDeniedException', status: 400 },
  operations: Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => {
      const authorization = SSM_AUTHORIZATION[name]
      // INVARIANT: nothing defaults to `*` (STYLE.md rule 6); an operation without a declaration is a bug.
      if (!authorization) throw new Error(`ssm:${name} has no authorization declaration`)
      return [name, { authorization, handler }]
    }),
  ),
  // PutParameter's Value (CloudTrail hides SecureString values). The member name also covers tag values.
  sensitiveInputMembers: ['Value'],
}
