//! For EC2's unit tests: a call context over an in-memory store and a way to run one handler as dispatch does
//! (inside a transaction, so a throw leaves nothing behind).
import type { Principal } from '../../auth/index.js'
import type { AuthorizationOutcome, CallContext } from '../../dispatch/index.js'
import { openStore, type Store } from '../../store/index.js'
import { EC2_HANDLERS } from './index.js'

export const TEST_ACCOUNT = '111122223333'
export const TEST_REGION = 'us-east-1'

export function fakeCallContext(options: { store?: Store; region?: string; account?: string } = {}): CallContext {
  const account = options.account ?? TEST_ACCOUNT
  const principal: Principal = { type: 'Root', accountId: account, arn: `arn:aws:iam::${account}:root`, userId: account, accessKeyId: account }
  return {
    requestId: 'test-request',
    eventId: 'test-event',
    service: 'ec2',
    operation: 'test',
    principal,
    accountId: account,
    region: options.region ?? TEST_REGION,
    now: new Date('2025-01-02T03:04:05.000Z'),
    store: options.store ?? openStore(':memory:'),
    source: { userAgent: 'test', secureTransport: true },
    audit: { resources: [] },
    authorize: () => undefined,
    check: (requirement) => ({ permitted: true, requirement, decision: { decision: 'allowed' } }) as unknown as AuthorizationOutcome,
    invoke: () => {
      throw new Error('not used by EC2 handlers')
    },
    afterCommit: (fn) => fn(),
  }
}

export function callEc2<O = any>(ctx: CallContext, operation: string, input: Record<string, unknown> = {}): O {
  const handler = EC2_HANDLERS[operation]
  if (!handler) throw new Error(`no handler for ${operation}`)
  return ctx.store.transaction(() => handler(input, ctx)) as O
}

export function failure(fn: () => unknown): { code: string; message: string; status?: number } {
  try {
    fn()
  } catch (error) {
    const e = error as { code?: string; message: string; status?: number }
    return { code: e.code ?? `not an AwsError: ${String(error)}`, message: e.message, status: e.status }
  }
  throw new Error('expected the call to fail')
}

/** A VPC 10.0.0.0/16 with subnets 10.0.1.0/24 (zone a) and 10.0.2.0/24 (zone b). */
export function network(ctx: CallContext) {
  const vpc = callEc2(ctx, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc
  const a = callEc2(ctx, 'CreateSubnet', { VpcId: vpc.VpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }).Subnet
  const b = callEc2(ctx, 'CreateSubnet', { VpcId: vpc.VpcId, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1b' }).Subnet
  return { vpcId: vpc.VpcId as string, subnetA: a.SubnetId as string, subnetB: b.SubnetId as string }
}
