//! The AWS services a VPC endpoint can be made for (`com.amazonaws.<region>.<service>`), the endpoint types each
//! supports (gateway endpoints exist only for S3 and DynamoDB; AWS PrivateLink "AWS services that integrate with
//! AWS PrivateLink"), and the default DNS name private DNS takes over inside the VPC. The ones an ECS task's
//! agent and containers use, and their neighbours; not AWS's full list.

export interface EndpointService {
  service: string
  types: Array<'Interface' | 'Gateway'>
  /** The service host an SDK calls, which an interface endpoint with private DNS answers for (`*.` for wildcard). */
  privateDnsName: (region: string) => string
  /** The endpoint-specific DNS name's service part: `vpce-…-….<this>.<region>.vpce.amazonaws.com`. */
  vpceDnsPart: string
}

const plain = (service: string, types: EndpointService['types'] = ['Interface']): EndpointService => ({
  service,
  types,
  privateDnsName: (region) => `${service}.${region}.amazonaws.com`,
  vpceDnsPart: service,
})

const SERVICES: EndpointService[] = [
  { service: 'ecr.api', types: ['Interface'], privateDnsName: (region) => `api.ecr.${region}.amazonaws.com`, vpceDnsPart: 'api.ecr' },
  { service: 'ecr.dkr', types: ['Interface'], privateDnsName: (region) => `*.dkr.ecr.${region}.amazonaws.com`, vpceDnsPart: 'dkr.ecr' },
  { service: 's3', types: ['Gateway', 'Interface'], privateDnsName: (region) => `s3.${region}.amazonaws.com`, vpceDnsPart: 's3' },
  { service: 'dynamodb', types: ['Gateway', 'Interface'], privateDnsName: (region) => `dynamodb.${region}.amazonaws.com`, vpceDnsPart: 'dynamodb' },
  ...[
    'secretsmanager',
    'ssm',
    'ssmmessages',
    'ec2messages',
    'logs',
    'kms',
    'sts',
    'ecs',
    'ecs-agent',
    'ecs-telemetry',
    'ec2',
    'elasticloadbalancing',
    'monitoring',
    'events',
    'sqs',
    'sns',
    'lambda',
    'execute-api',
    'cloudtrail',
    'xray',
  ].map((service) => plain(service)),
]

/** The service a `com.amazonaws.<region>.<service>` name stands for in this Region, if it is one taskrole knows. */
export function findEndpointService(region: string, serviceName: string): EndpointService | undefined {
  const prefix = `com.amazonaws.${region}.`
  if (!serviceName.startsWith(prefix)) return undefined
  const service = serviceName.slice(prefix.length)
  return SERVICES.find((candidate) => candidate.service === service)
}
