//! ECS's client errors with AWS's codes and messages. Messages marked "real" were seen in AWS responses
//! (shared/research/ecs-agent.md §5 and public error reports); the others are AWS-style wording where no
//! real response was found, and say so.
import { AwsError } from '../../aws/index.js'

function clientException(message: string): AwsError {
  return new AwsError('ClientException', message)
}

function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterException', message)
}

/** Real: "Cluster not found." */
export function clusterNotFound(): AwsError {
  return new AwsError('ClusterNotFoundException', 'Cluster not found.')
}

/** Real (DeleteCluster of a cluster with tasks). */
export function clusterContainsTasks(): AwsError {
  return new AwsError('ClusterContainsTasksException', 'The Cluster cannot be deleted while Tasks are active.')
}

/** AWS-style; the exact text was not found in a real response. */
export function clusterContainsContainerInstances(): AwsError {
  return new AwsError('ClusterContainsContainerInstancesException', 'The Cluster cannot be deleted while Container Instances are active or draining.')
}

/** AWS-style: cluster names are up to 255 letters, numbers, hyphens and underscores. */
export function invalidClusterName(): AwsError {
  return invalidParameter('Cluster name can only contain letters, numbers, hyphens and underscores, and must be between 1 and 255 characters long.')
}

/** Real (RegisterTaskDefinition validation): the message comes from validate-task-definition.ts. */
export function invalidTaskDefinition(message: string): AwsError {
  return clientException(message)
}

/** Real (RunTask / CreateService of a family or revision that does not exist). */
export function taskDefinitionNotFound(): AwsError {
  return clientException('TaskDefinition not found.')
}

/** Real (RunTask of a deregistered revision). */
export function taskDefinitionInactive(): AwsError {
  return clientException('TaskDefinition is inactive')
}

/** Real (DescribeTaskDefinition of an unknown family or revision). */
export function unableToDescribeTaskDefinition(): AwsError {
  return clientException('Unable to describe task definition.')
}

/** Real: a revision that is not a positive number. */
export function invalidRevisionNumber(text: string): AwsError {
  return clientException(`Invalid revision number. Number: ${text}`)
}

/** DeregisterTaskDefinition needs `family:revision` (API Reference: "You must specify a revision"). */
export function revisionMissing(): AwsError {
  return clientException('Revision is missing.')
}

export function taskDefinitionDoesNotExist(): AwsError {
  return clientException('The specified task definition does not exist.')
}

/** Real: a taskRoleArn / executionRoleArn that is an ARN but not an IAM role's. */
export function roleNotValid(): AwsError {
  return clientException('Role is not valid')
}

/** Real (RunTask when the task or execution role does not trust ecs-tasks.amazonaws.com, or does not exist). */
export function unableToAssumeRole(roleArn: string): AwsError {
  return clientException(
    `ECS was unable to assume the role '${roleArn}' that was provided for this task. Please verify that the role being passed ` +
      'has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.',
  )
}

/** Real (RunTask with the EC2 launch type in a cluster without container instances). */
export function noContainerInstances(): AwsError {
  return invalidParameter('No Container Instances were found in your cluster.')
}

/** Real. */
export function networkConfigurationRequired(): AwsError {
  return invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.")
}

/** Real. */
export function subnetsEmpty(): AwsError {
  return invalidParameter('subnets can not be empty.')
}

/** AWS-style (EC2 answers a malformed id this way inside ECS's message). */
export function malformedNetworkId(kind: 'subnet' | 'security group', id: string): AwsError {
  const what = kind === 'subnet' ? 'subnet' : 'security group'
  return invalidParameter(`Error retrieving ${what} information for [${id}]: The ${what} ID '${id}' is malformed`)
}

/** Real: "Task definition does not support launch_type FARGATE." */
export function launchTypeNotSupported(launchType: string): AwsError {
  return invalidParameter(`Task definition does not support launch_type ${launchType}.`)
}

/** Real. */
export function launchTypeWithCapacityProviders(): AwsError {
  return invalidParameter('Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.')
}

/** AWS-style: taskrole serves only the FARGATE and FARGATE_SPOT capacity providers. */
export function unknownCapacityProvider(name: string): AwsError {
  return invalidParameter(`The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again. (${name})`)
}

/** AWS-style. */
export function unsupportedLaunchType(launchType: string): AwsError {
  return invalidParameter(`launchType ${launchType} is not supported.`)
}

/** AWS-style. */
export function platformVersionNotFound(): AwsError {
  return invalidParameter('The specified platform version does not exist.')
}

/** Real. */
export function unknownContainerOverride(name: string): AwsError {
  return invalidParameter(`Override for container named ${name} is not a container in the TaskDefinition.`)
}

/** AWS-style: RunTask places between 1 and 10 tasks per call; StartTask takes up to 10 instances. */
export function countOutOfRange(what: 'count' | 'containerInstances'): AwsError {
  return invalidParameter(what === 'count' ? 'count must be between 1 and 10.' : 'containerInstances can have at most 10 items.')
}

/** Real: StopTask of an unknown task. */
export function taskNotFound(): AwsError {
  return invalidParameter('The referenced task was not found.')
}

/** Real: a task given in a form that cannot name a task. */
export function invalidTaskIdentifier(): AwsError {
  return invalidParameter('Task Identifier is invalid')
}

/** Real (DescribeTasks with an empty list). */
export function tasksCannotBeEmpty(): AwsError {
  return invalidParameter('Tasks cannot be empty.')
}

/** Real (ListTasks with a family that cannot be one). */
export function familyMustMatch(): AwsError {
  return invalidParameter('family must match ^[a-zA-Z0-9\\-_]+$')
}

/** AWS-style (the ECS error model). */
export function serviceNotFound(): AwsError {
  return new AwsError('ServiceNotFoundException', 'Service not found.')
}

/** AWS-style. */
export function containerInstanceNotFound(): AwsError {
  return invalidParameter('The referenced container instance was not found.')
}

/** AWS-style (DeregisterContainerInstance without force while tasks run there). */
export function instanceHasRunningTasks(): AwsError {
  return invalidParameter('Found running tasks on the instance.')
}

/** AWS-style. */
export function invalidInstanceIdentityDocument(): AwsError {
  return clientException('Invalid instance identity document.')
}

/** AWS-style: PutAttributes / DeleteAttributes naming a container instance that is not in the cluster. */
export function targetNotFound(targetId: string): AwsError {
  return new AwsError('TargetNotFoundException', `Could not find ${targetId}.`)
}

/** AWS-style: the targetId of an attribute is required outside RegisterContainerInstance. */
export function attributeTargetRequired(name: string): AwsError {
  return invalidParameter(`Attribute ${name} requires a targetId.`)
}

/** AWS-style: attribute names and values ("Up to 128 letters…", ECS Developer Guide, "Attributes"). */
export function invalidAttribute(name: string): AwsError {
  return invalidParameter(`Attribute name or value is invalid: ${name}`)
}

/** AWS-style: a cluster query language expression that does not parse. */
export function invalidExpression(expression: string, why: string): AwsError {
  return invalidParameter(`Invalid expression "${expression}": ${why}`)
}

/** AWS-style (the ECS error model: TagResource / UntagResource of a resource that does not exist). */
export function resourceNotFound(): AwsError {
  return new AwsError('ResourceNotFoundException', 'The specified resource is not found.')
}

/** AWS-style: a resource ARN that names no taggable ECS resource. */
export function invalidResourceArn(arn: string): AwsError {
  return invalidParameter(`Invalid resource ARN: ${arn}`)
}

/** AWS-style: ECS allows 50 tags per resource (ECS Developer Guide, "Tagging your Amazon ECS resources"). */
export function tooManyTags(): AwsError {
  return invalidParameter('The resource can have at most 50 tags.')
}

/** AWS-style: the aws: prefix is reserved for AWS use. */
export function reservedTagKey(): AwsError {
  return invalidParameter("Tag keys can't start with 'aws:'.")
}

/** AWS-style. */
export function invalidNextToken(): AwsError {
  return invalidParameter('Invalid nextToken.')
}

/** AWS-style: list operations return 1 to 100 results per page. */
export function invalidMaxResults(): AwsError {
  return invalidParameter('maxResults must be between 1 and 100.')
}

/** AWS-style: a value outside what the parameter allows. */
export function invalidParameterValue(name: string, value: string): AwsError {
  return invalidParameter(`Invalid value for ${name}: ${value}`)
}

/** AWS-style (the ECS error model): at most 10 custom attributes per resource (ECS Developer Guide, "Attributes"). */
export function attributeLimitExceeded(): AwsError {
  return new AwsError('AttributeLimitExceededException', 'You can apply up to 10 custom attributes per resource.')
}
