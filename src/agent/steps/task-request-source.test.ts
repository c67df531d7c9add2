import { test } from 'node:test'
import assert from 'node:assert/strict'
import { EC2_COLLECTIONS, ec2Scope, openStore, type TaskRecord } from '../../store/index.js'
import { taskRequestSource } from './task-request-source.js'
import type { StepContext } from './task-step.js'

const ACCOUNT = '111122223333'
const REGION = 'us-east-1'

function world(launchType: 'FARGATE' | 'EC2', subnet: string) {
  const store = openStore(':memory:')
  const scope = ec2Scope(ACCOUNT, REGION)
  store.transaction(() => {
    store.documents.collection(EC2_COLLECTIONS.subnets).put(scope, 'subnet-1', { subnetId: 'subnet-1', vpcId: 'vpc-1', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' })
    for (const [id, service] of [['vpce-api', 'ecr.api'], ['vpce-dkr', 'ecr.dkr']]) {
      store.documents.collection(EC2_COLLECTIONS.vpcEndpoints).put(scope, id!, {
        vpcEndpointId: id, vpcId: 'vpc-1', serviceName: `com.amazonaws.${REGION}.${service}`, vpcEndpointType: 'Interface', state: 'available', privateDnsEnabled: true,
      })
    }
  })
  const task = { accountId: ACCOUNT, region: REGION, launchType, networkConfiguration: { awsvpcConfiguration: { subnets: [subnet] } } } as TaskRecord
  return { task, store } as unknown as StepContext
}

test('a call through the VPC\'s interface endpoint carries aws:SourceVpc and aws:SourceVpce', () => {
  assert.deepEqual(taskRequestSource(world('FARGATE', 'subnet-1'), 'ecr.dkr'), { sourceVpc: 'vpc-1', sourceVpce: 'vpce-dkr' })
})

test('Fargate\'s GetAuthorizationToken never goes through the task VPC; on EC2 it does', () => {
  assert.equal(taskRequestSource(world('FARGATE', 'subnet-1'), 'ecr.api', { outsideTaskNetwork: true }), undefined)
  assert.deepEqual(taskRequestSource(world('EC2', 'subnet-1'), 'ecr.api', { outsideTaskNetwork: true }), { sourceVpc: 'vpc-1', sourceVpce: 'vpce-api' })
})

test('no endpoint for the service, or an unknown subnet: no VPC keys', () => {
  assert.equal(taskRequestSource(world('FARGATE', 'subnet-1'), 'secretsmanager'), undefined)
  assert.equal(taskRequestSource(world('FARGATE', 'subnet-0123456789abcdef0'), 'ecr.dkr'), undefined)
})
