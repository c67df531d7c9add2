//! The EC2 networking subset with real clients: a VPC, subnets and VPC endpoints built with boto3 and the aws CLI
//! the way a platform team sets up a private task network (ECR, Secrets Manager, SSM, Logs endpoints and an S3
//! gateway), EC2's errors for every bad input with nothing changed, DependencyViolation on delete, DryRun,
//! UnauthorizedOperation for a user without EC2 permissions, and the default VPC a fresh account finds (and runs an
//! awsvpc Fargate task in).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { boto3, newAccount, rootOf } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { allow, fails, file, ok, py, userWith } from './ecr-scenario-kit.js'
import { fargateDefinition } from './ecs-cli-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

test('boto3: a private task network with interface endpoints and an S3 gateway, then torn down', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const out = py(
    `
import boto3, json
ec2 = boto3.client("ec2")
vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16", TagSpecifications=[{"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": "tasks"}]}])["Vpc"]
a = ec2.create_subnet(VpcId=vpc["VpcId"], CidrBlock="10.0.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]
b = ec2.create_subnet(VpcId=vpc["VpcId"], CidrBlock="10.0.2.0/24", AvailabilityZone="us-east-1b")["Subnet"]
sg = ec2.create_security_group(VpcId=vpc["VpcId"], GroupName="endpoints", Description="HTTPS from tasks")["GroupId"]
ids = []
for svc in ("ecr.api", "ecr.dkr", "secretsmanager", "ssm", "logs"):
    e = ec2.create_vpc_endpoint(VpcId=vpc["VpcId"], VpcEndpointType="Interface", ServiceName="com.amazonaws.us-east-1." + svc,
                                SubnetIds=[a["SubnetId"], b["SubnetId"]], SecurityGroupIds=[sg])["VpcEndpoint"]
    ids.append(e["VpcEndpointId"])
s3 = ec2.create_vpc_endpoint(VpcId=vpc["VpcId"], ServiceName="com.amazonaws.us-east-1.s3")["VpcEndpoint"]
described = ec2.describe_vpc_endpoints(Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]}, {"Name": "vpc-endpoint-type", "Values": ["Interface"]}])["VpcEndpoints"]
ecr = ec2.describe_vpc_endpoints(Filters=[{"Name": "service-name", "Values": ["com.amazonaws.us-east-1.ecr.*"]}])["VpcEndpoints"]
subnets = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]}])["Subnets"]
vpcs = ec2.describe_vpcs(Filters=[{"Name": "tag:Name", "Values": ["tasks"]}])["Vpcs"]
waiter_ok = True
ec2.get_waiter("vpc_available").wait(VpcIds=[vpc["VpcId"]], WaiterConfig={"Delay": 1, "MaxAttempts": 3})
result = {"vpc": vpc, "subnets": subnets, "described": described, "ecr": [e["ServiceName"] for e in ecr], "s3": s3, "vpcs": vpcs, "sg": sg}
unsuccessful = ec2.delete_vpc_endpoints(VpcEndpointIds=ids + [s3["VpcEndpointId"]])["Unsuccessful"]
ec2.delete_security_group(GroupId=sg)
for s in (a, b):
    ec2.delete_subnet(SubnetId=s["SubnetId"])
ec2.delete_vpc(VpcId=vpc["VpcId"])
result["unsuccessful"] = unsuccessful
result["after"] = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["false"]}])["Vpcs"]
result["left"] = ec2.describe_vpcs()["Vpcs"]
print(json.dumps(result, default=str))
`,
    root,
  )
  assert.match(out.vpc.VpcId, /^vpc-[0-9a-f]{17}$/)
  assert.equal(out.vpc.OwnerId, account)
  assert.deepEqual(out.vpcs.map((v: any) => v.VpcId), [out.vpc.VpcId])
  assert.equal(out.vpcs[0].State, 'available')
  assert.deepEqual(out.subnets.map((s: any) => [s.CidrBlock, s.AvailabilityZone]).sort(), [['10.0.1.0/24', 'us-east-1a'], ['10.0.2.0/24', 'us-east-1b']])
  // Five interface endpoints, two network interfaces each, in the given security group.
  assert.equal(out.subnets[0].AvailableIpAddressCount, 256 - 5 - 5)
  assert.equal(out.described.length, 5)
  for (const endpoint of out.described) {
    assert.equal(endpoint.State, 'available')
    assert.equal(endpoint.PrivateDnsEnabled, true)
    assert.equal(endpoint.NetworkInterfaceIds.length, 2)
    assert.deepEqual(endpoint.Groups, [{ GroupId: out.sg, GroupName: 'endpoints' }])
  }
  assert.deepEqual(out.ecr.sort(), ['com.amazonaws.us-east-1.ecr.api', 'com.amazonaws.us-east-1.ecr.dkr'])
  assert.equal(out.s3.VpcEndpointType, 'Gateway')
  assert.deepEqual(out.unsuccessful, [])
  assert.deepEqual(out.after, [])
  // What is left is the account's default VPC.
  assert.deepEqual(out.left.map((v: any) => [v.CidrBlock, v.IsDefault]), [['172.31.0.0/16', true]])
})

test('EC2 errors for bad input (aws CLI and boto3), and nothing changes', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const vpcId = ok(['ec2', 'create-vpc', '--cidr-block', '10.0.0.0/16'], root).Vpc.VpcId
  const subnetId = ok(['ec2', 'create-subnet', '--vpc-id', vpcId, '--cidr-block', '10.0.1.0/24'], root).Subnet.SubnetId

  assert.equal(fails(['ec2', 'describe-vpcs', '--vpc-ids', 'vpc-0123456789abcdef0'], root, 'InvalidVpcID.NotFound'), "The vpc ID 'vpc-0123456789abcdef0' does not exist")
  assert.equal(fails(['ec2', 'create-subnet', '--vpc-id', vpcId, '--cidr-block', '10.0.1.0/25'], root, 'InvalidSubnet.Conflict'), "The CIDR '10.0.1.0/25' conflicts with another subnet")

  const errors = py(
    `
import boto3, botocore, json
ec2 = boto3.client("ec2")
vpc, subnet = ${JSON.stringify(vpcId)}, ${JSON.stringify(subnetId)}
out = {}
def attempt(name, call, **kwargs):
    try:
        call(**kwargs)
        out[name] = None
    except botocore.exceptions.ClientError as e:
        out[name] = [e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
attempt("malformed-vpc", ec2.describe_vpcs, VpcIds=["my-vpc"])
attempt("vpc-range", ec2.create_vpc, CidrBlock="10.0.0.0/8")
attempt("bad-cidr", ec2.create_vpc, CidrBlock="10.0.0.0/99")
attempt("subnet-range", ec2.create_subnet, VpcId=vpc, CidrBlock="192.168.0.0/24")
attempt("subnet-unknown-vpc", ec2.create_subnet, VpcId="vpc-0123456789abcdef0", CidrBlock="10.0.2.0/24")
attempt("bad-zone", ec2.create_subnet, VpcId=vpc, CidrBlock="10.0.2.0/24", AvailabilityZone="us-east-1z")
attempt("unknown-subnet", ec2.describe_subnets, SubnetIds=["subnet-0123456789abcdef0"])
attempt("unknown-service", ec2.create_vpc_endpoint, VpcId=vpc, VpcEndpointType="Interface", ServiceName="com.amazonaws.us-east-1.nothing")
attempt("gateway-ecr", ec2.create_vpc_endpoint, VpcId=vpc, ServiceName="com.amazonaws.us-east-1.ecr.dkr")
attempt("unknown-endpoint", ec2.describe_vpc_endpoints, VpcEndpointIds=["vpce-0123456789abcdef0"])
attempt("bad-filter", ec2.describe_vpcs, Filters=[{"Name": "colour", "Values": ["red"]}])
attempt("unknown-group", ec2.describe_security_groups, GroupIds=["sg-0123456789abcdef0"])
print(json.dumps(out))
`,
    root,
  )
  assert.deepEqual(errors['malformed-vpc'], ['InvalidVpcID.Malformed', 'Invalid id: "my-vpc" (expecting "vpc-...")', 400])
  assert.deepEqual(errors['vpc-range'], ['InvalidVpc.Range', "The CIDR '10.0.0.0/8' is invalid.", 400])
  assert.deepEqual(errors['bad-cidr'], ['InvalidParameterValue', 'Value (10.0.0.0/99) for parameter cidrBlock is invalid. This is not a valid CIDR block.', 400])
  assert.deepEqual(errors['subnet-range'], ['InvalidSubnet.Range', "The CIDR '192.168.0.0/24' is invalid.", 400])
  assert.equal(errors['subnet-unknown-vpc'][0], 'InvalidVpcID.NotFound')
  assert.equal(errors['bad-zone'][0], 'InvalidParameterValue')
  assert.deepEqual(errors['unknown-subnet'], ['InvalidSubnetID.NotFound', "The subnet ID 'subnet-0123456789abcdef0' does not exist", 400])
  assert.deepEqual(errors['unknown-service'], ['InvalidServiceName', "The Vpc Endpoint Service 'com.amazonaws.us-east-1.nothing' does not exist", 400])
  assert.deepEqual(errors['gateway-ecr'], ['InvalidServiceName', "The Vpc Endpoint Service 'com.amazonaws.us-east-1.ecr.dkr' does not support the endpoint type 'Gateway'.", 400])
  assert.equal(errors['unknown-endpoint'][0], 'InvalidVpcEndpointId.NotFound')
  assert.deepEqual(errors['bad-filter'], ['InvalidParameterValue', "The filter 'colour' is invalid", 400])
  assert.deepEqual(errors['unknown-group'], ['InvalidGroup.NotFound', "The security group 'sg-0123456789abcdef0' does not exist", 400])

  const deleted = ok(['ec2', 'delete-vpc-endpoints', '--vpc-endpoint-ids', 'vpce-0123456789abcdef0'], root)
  assert.deepEqual(deleted.Unsuccessful, [
    { Error: { Code: 'InvalidVpcEndpoint.NotFound', Message: "The VPC endpoint 'vpce-0123456789abcdef0' does not exist" }, ResourceId: 'vpce-0123456789abcdef0' },
  ])
  const endpointId = ok(['ec2', 'create-vpc-endpoint', '--vpc-id', vpcId, '--vpc-endpoint-type', 'Interface', '--service-name', 'com.amazonaws.us-east-1.ecr.dkr', '--subnet-ids', subnetId], root)
    .VpcEndpoint.VpcEndpointId
  assert.equal(fails(['ec2', 'delete-vpc', '--vpc-id', vpcId], root, 'DependencyViolation'), `The vpc '${vpcId}' has dependencies and cannot be deleted.`)
  assert.equal(fails(['ec2', 'delete-subnet', '--subnet-id', subnetId], root, 'DependencyViolation'), `The subnet '${subnetId}' has dependencies and cannot be deleted.`)
  // DryRun: permitted, so DryRunOperation, and the endpoint stays.
  assert.equal(fails(['ec2', 'delete-vpc-endpoints', '--vpc-endpoint-ids', endpointId, '--dry-run'], root, 'DryRunOperation'), 'Request would have succeeded, but DryRun flag is set.')

  const after = py(
    `
import boto3, json
ec2 = boto3.client("ec2")
mine = [{"Name": "vpc-id", "Values": [${JSON.stringify(vpcId)}]}]
print(json.dumps([[v["VpcId"] for v in ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["false"]}])["Vpcs"]],
                  [s["SubnetId"] for s in ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["false"]}])["Subnets"]],
                  [e["VpcEndpointId"] for e in ec2.describe_vpc_endpoints()["VpcEndpoints"]],
                  len(ec2.describe_subnets(Filters=mine)["Subnets"])]))
`,
    root,
  )
  assert.deepEqual(after, [[vpcId], [subnetId], [endpointId], 1])
})

test('a user without EC2 permissions gets 403 UnauthorizedOperation in EC2’s words', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const reader = userWith(root, 'network-reader', { read: allow(['ec2:DescribeVpcs', 'ec2:DescribeSubnets']) })
  const out = boto3(
    `
import boto3, botocore, json
ec2 = boto3.client("ec2")
ec2.describe_vpcs()
try:
    ec2.create_vpc(CidrBlock="10.0.0.0/16")
except botocore.exceptions.ClientError as e:
    print(json.dumps({"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}))
try:
    ec2.create_vpc(CidrBlock="10.0.0.0/16", DryRun=True)
except botocore.exceptions.ClientError as e:
    print(json.dumps({"dry": e.response["Error"]["Code"]}))
`,
    reader.identity,
  )
  assert.equal(out.code, 0, out.stderr)
  const [denied, dryRun] = out.stdout.trim().split('\n').map((line) => JSON.parse(line))
  assert.equal(denied.code, 'UnauthorizedOperation')
  assert.equal(denied.status, 403)
  const prefix = `You are not authorized to perform this operation. User: ${reader.arn} is not authorized to perform: ec2:CreateVpc on resource: arn:aws:ec2:us-east-1:${account}:vpc/* because no identity-based policy allows the ec2:CreateVpc action. Encoded authorization failure message: `
  assert.ok(denied.message.startsWith(prefix), denied.message)
  // DryRun without the permission is still UnauthorizedOperation.
  assert.equal(dryRun.dry, 'UnauthorizedOperation')
  // The denied CreateVpc created nothing: the account has its default VPC only.
  assert.deepEqual(ok(['ec2', 'describe-vpcs'], root).Vpcs.map((v: any) => v.IsDefault), [true])
})

test('a fresh account has a default VPC: its subnets, its default group, and a Fargate task placed in them', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  // The aws CLI, as a user (and api-bench.py) looks for them on a fresh account.
  const subnets = ok(['ec2', 'describe-subnets'], root).Subnets
  const [vpc] = ok(['ec2', 'describe-vpcs'], root).Vpcs
  const groups = ok(['ec2', 'describe-security-groups', '--filters', 'Name=group-name,Values=default'], root).SecurityGroups
  assert.equal(vpc.CidrBlock, '172.31.0.0/16')
  assert.equal(vpc.IsDefault, true)
  assert.equal(vpc.OwnerId, account)
  assert.deepEqual(
    subnets.map((s: any) => [s.AvailabilityZone, s.CidrBlock, s.DefaultForAz, s.MapPublicIpOnLaunch, s.VpcId]).sort(),
    ['a', 'b', 'c', 'd', 'e', 'f'].map((zone, i) => [`us-east-1${zone}`, `172.31.${16 * i}.0/20`, true, true, vpc.VpcId]),
  )
  assert.deepEqual(groups.map((g: any) => [g.GroupName, g.VpcId]), [['default', vpc.VpcId]])
  // boto3 sees the same resources, and the default VPC's group by GroupNames.
  const seen = py(
    `
import boto3, json
ec2 = boto3.client("ec2")
print(json.dumps({"subnets": sorted(s["SubnetId"] for s in ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"]),
                  "group": ec2.describe_security_groups(GroupNames=["default"])["SecurityGroups"][0]["GroupId"],
                  "vpcs": [v["VpcId"] for v in ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"]]}))
`,
    root,
  )
  assert.deepEqual(seen, { subnets: subnets.map((s: any) => s.SubnetId).sort(), group: groups[0].GroupId, vpcs: [vpc.VpcId] })

  const subnet = subnets.find((s: any) => s.AvailabilityZone === 'us-east-1a').SubnetId
  ok(['ecs', 'create-cluster', '--cluster-name', 'default-vpc'], root)
  ok(['ecs', 'register-task-definition', '--cli-input-json', file(fargateDefinition('in-default-vpc'))], root)
  const network = `awsvpcConfiguration={subnets=[${subnet}],securityGroups=[${groups[0].GroupId}],assignPublicIp=ENABLED}`
  const run = ok(['ecs', 'run-task', '--cluster', 'default-vpc', '--task-definition', 'in-default-vpc', '--launch-type', 'FARGATE', '--network-configuration', network], root)
  assert.deepEqual(run.failures, [])
  assert.equal(run.tasks.length, 1)
  const [task] = run.tasks
  assert.ok(task.attachments[0].details.some((d: any) => d.name === 'subnetId' && d.value === subnet))
  // The agent places it (resolving the subnet's network) and its one container exits 0.
  const stopped = py(
    `
import boto3, json
ecs = boto3.client("ecs")
ecs.get_waiter("tasks_stopped").wait(cluster="default-vpc", tasks=[${JSON.stringify(task.taskArn)}], WaiterConfig={"Delay": 1, "MaxAttempts": 120})
t = ecs.describe_tasks(cluster="default-vpc", tasks=[${JSON.stringify(task.taskArn)}])["tasks"][0]
print(json.dumps({"stopCode": t.get("stopCode"), "exitCode": t["containers"][0].get("exitCode"), "reason": t.get("stoppedReason")}))
`,
    root,
  )
  assert.deepEqual(stopped, { stopCode: 'EssentialContainerExited', exitCode: 0, reason: 'Essential container in task exited' })
})
