//! For KMS, Secrets Manager and SSM unit tests: an in-memory store behind the real dispatcher and authorizer,
//! with IAM users and role sessions written straight into IAM's records, so handlers run as behind HTTP.
import { manualClock, uniqueId, type AwsError } from '../../aws/index.js'
import type { AssumedRolePrincipal, IamUserPrincipal, Principal, RootPrincipal } from '../../auth/index.js'
import { CompiledPolicyCache, createAuthorizer, type EnforcementMode } from '../../authz/index.js'
import { createDispatcher, OperationRegistry, type ServiceDefinition } from '../../dispatch/index.js'
import { IAM_COLLECTIONS, entityKey, openStore, type RoleRecord, type UserRecord } from '../../store/index.js'

export function kmsTestWorld(options: { services: ServiceDefinition[]; mode?: EnforcementMode; region?: string }) {
  const store = openStore(':memory:')
  const clock = manualClock(new Date('2025-03-01T12:00:00.000Z'))
  const registry = new OperationRegistry()
  for (const service of options.services) registry.register(service)
  const authorizer = createAuthorizer({ store, cache: new CompiledPolicyCache(), mode: options.mode ?? 'enforce' })
  const dispatcher = createDispatcher({ store, authorizer, registry, clock })
  const region = options.region ?? 'us-east-1'

  const world = {
    store,
    clock,
    region,
    call(service: string, operation: string, input: unknown, principal: Principal, callRegion = region): any {
      return dispatcher.invoke({
        service,
        operation,
        input,
        principal,
        region: callRegion,
        source: { ip: '192.0.2.10', userAgent: 'unit-test', secureTransport: true },
      })
    },
    /** A call another service makes for its caller (aws:ViaAWSService; kms:ViaService for KMS). */
    callVia(viaService: string, service: string, operation: string, input: unknown, principal: Principal): any {
      return dispatcher.invoke({
        service,
        operation,
        input,
        principal,
        region,
        source: { userAgent: viaService, secureTransport: true, viaService },
      })
    },
    /** The AwsError a call throws (fails the test when the call succeeds). */
    failure(service: string, operation: string, input: unknown, principal: Principal): AwsError {
      try {
        world.call(service, operation, input, principal)
      } catch (error) {
        return error as AwsError
      }
      throw new Error(`${service}:${operation} succeeded unexpectedly`)
    },
    root(account: string): RootPrincipal {
      return { type: 'Root', accountId: account, arn: `arn:aws:iam::${account}:root`, userId: account, accessKeyId: account }
    },
    user(account: string, userName: string, inlinePolicies: Record<string, unknown> = {}): IamUserPrincipal {
      const user: UserRecord = {
        accountId: account,
        userName,
        userId: uniqueId('AIDA'),
        arn: `arn:aws:iam::${account}:user/${userName}`,
        path: '/',
        createDate: '2025-01-01T00:00:00Z',
        tags: [],
        inlinePolicies: documents(inlinePolicies),
        attachedPolicyArns: [],
        groupNames: [],
      }
      store.documents.collection<UserRecord>(IAM_COLLECTIONS.users).put(account, entityKey(userName), user)
      return { type: 'IAMUser', accountId: account, arn: user.arn, userId: user.userId, userName, path: '/', accessKeyId: 'AKIAUNITTEST00000000' }
    },
    /** A role and a session of it (as an ECS task execution role session would be). */
    roleSession(account: string, roleName: string, inlinePolicies: Record<string, unknown> = {}, attachedPolicyArns: string[] = []): AssumedRolePrincipal {
      const role: RoleRecord = {
        accountId: account,
        roleName,
        roleId: uniqueId('AROA'),
        arn: `arn:aws:iam::${account}:role/${roleName}`,
        path: '/',
        createDate: '2025-01-01T00:00:00Z',
        assumeRolePolicyDocument: JSON.stringify(trustEcsTasks),
        trustPrincipalIds: {},
        maxSessionDuration: 3600,
        tags: [],
        inlinePolicies: documents(inlinePolicies),
        attachedPolicyArns,
      }
      store.documents.collection<RoleRecord>(IAM_COLLECTIONS.roles).put(account, entityKey(roleName), role)
      const sessionName = 'f83b93a4dc3442a18eaaf8c2a235cd37'
      const now = clock.now()
      return {
        type: 'AssumedRole',
        accountId: account,
        arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
        userId: `${role.roleId}:${sessionName}`,
        roleArn: role.arn,
        roleId: role.roleId,
        roleName,
        rolePath: '/',
        sessionName,
        accessKeyId: 'ASIAUNITTEST00000000',
        session: {
          issuedAt: now,
          expiresAt: new Date(now.getTime() + 3_600_000),
          sessionPolicies: [],
          tags: {},
          transitiveTagKeys: [],
          chained: false,
          mfaPresent: false,
          issuer: { type: 'Role', arn: role.arn, principalId: role.roleId, accountId: account, userName: roleName },
        },
      }
    },
    /** The CloudTrail records (and explanations) of an account so far, as text (to prove no secret is in them). */
    auditText(account: string): string {
      return store.audit
        .lookup({ account, limit: 10_000 })
        .map((row) => `${row.record}\n${row.explanation ?? ''}`)
        .join('\n')
    },
  }
  return world
}

export type KmsTestWorld = ReturnType<typeof kmsTestWorld>

const trustEcsTasks = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
}

/** A policy document allowing (or denying) actions on resources. */
export function policy(effect: 'Allow' | 'Deny', action: string | string[], resource: string | string[] = '*', condition?: unknown) {
  return { Version: '2012-10-17', Statement: [{ Effect: effect, Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) }] }
}

function documents(policies: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(policies).map(([name, doc]) => [name, JSON.stringify(doc)]))
}
