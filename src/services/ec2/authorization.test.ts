import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { EC2_AUTHORIZATION } from './authorization.js'
import { callEc2, fakeCallContext, network, TEST_ACCOUNT } from './fake-call-context.js'
import { ec2Service } from './index.js'

const model = JSON.parse(readFileSync(new URL('../../../models/ec2.json', import.meta.url), 'utf8')) as { operations: Record<string, unknown> }
const ARN = `arn:aws:ec2:us-east-1:${TEST_ACCOUNT}`

test('every implemented operation is a model operation and declares its authorization', () => {
  for (const name of Object.keys(ec2Service.operations)) {
    assert.ok(model.operations[name], `${name} is not in the EC2 model`)
    assert.ok(EC2_AUTHORIZATION[name], `${name} has no authorization`)
  }
  assert.equal(Object.keys(ec2Service.operations).length, 12)
})

test('Describe* need `*`; creates name the new resource and the VPC they use', () => {
  const ctx = fakeCallContext()
  const { vpcId, subnetA } = network(ctx)
  assert.deepEqual(EC2_AUTHORIZATION.DescribeVpcs!({}, ctx), [{ action: 'ec2:DescribeVpcs', resource: '*', context: { 'ec2:Region': 'us-east-1' } }])
  const create = EC2_AUTHORIZATION.CreateVpcEndpoint!(
    { VpcId: vpcId, ServiceName: 'com.amazonaws.us-east-1.ecr.dkr', SubnetIds: [subnetA], TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: [{ Key: 'team', Value: 'a' }] }] },
    ctx,
  ) as any[]
  assert.deepEqual(
    create.map((r) => r.resource),
    [`${ARN}:vpc-endpoint/*`, `${ARN}:vpc/${vpcId}`, `${ARN}:subnet/${subnetA}`],
  )
  assert.equal(create[0].context['ec2:VpceServiceName'], 'com.amazonaws.us-east-1.ecr.dkr')
  assert.equal(create[0].context['ec2:Vpc'], `${ARN}:vpc/${vpcId}`)
  assert.equal(create[0].context['aws:RequestTag/team'], 'a')
  const [createVpc] = EC2_AUTHORIZATION.CreateVpc!({ CidrBlock: '10.0.0.0/16' }, ctx) as any[]
  assert.equal(createVpc.resource, `${ARN}:vpc/*`)
})

test('deletes name the resource and carry its tags', () => {
  const ctx = fakeCallContext()
  const vpcId = callEc2(ctx, 'CreateVpc', { CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'env', Value: 'prod' }] }] }).Vpc.VpcId
  const [deleteVpc] = EC2_AUTHORIZATION.DeleteVpc!({ VpcId: vpcId }, ctx) as any[]
  assert.equal(deleteVpc.resource, `${ARN}:vpc/${vpcId}`)
  assert.equal(deleteVpc.context['aws:ResourceTag/env'], 'prod')
  assert.equal((EC2_AUTHORIZATION.DeleteVpcEndpoints!({ VpcEndpointIds: ['vpce-1', 'vpce-2', 'vpce-1'] }, ctx) as any[]).length, 2)
})
