//! One way to act in taskrole: authorize -> handler in one store transaction -> audit event. HTTP calls and the
//! embedded agent both enter here (DESIGN.md §2, stages 6-8).
import { AwsError, isAwsError, requestId as newRequestId, type Clock } from '../aws/index.js'
import { principalAccount, type Principal } from '../auth/index.js'
import type { AuthorizationOutcome, AuthorizationRequirement, Authorizer } from '../authz/index.js'
import { recordEvent } from '../audit/index.js'
import type { AuditEventRow, Store } from '../store/index.js'
import type { AuditAnnotations, CallContext, InvokeOptions, RequestSource } from './call-context.js'
import { decisionRecord } from './decision-record.js'
import { trackIamWrites } from './track-iam-writes.js'
import { defaultReadOnly, type ServiceDefinition } from './operation.js'
import type { OperationRegistry } from './operation-registry.js'

export interface Call {
  service: string
  operation: string
  input: unknown
  principal: Principal
  region: string
  source: RequestSource
  requestId?: string
}

export interface Dispatcher {
  invoke(call: Call): unknown
  readonly registry: OperationRegistry
  readonly authorizer: Authorizer
}

interface PendingWork {
  afterCommit: Array<() => void>
  /** IAM records written so far (collection, scope, key): when a call fails its writes roll back, and policies
   *  read from them meanwhile must be read again. */
  iamWrites: Array<[string, string, string]>
  /** Failure events of nested calls, written after the outermost transaction ends either way. */
  failures: Array<() => void>
}

export function createDispatcher(options: { store: Store; authorizer: Authorizer; registry: OperationRegistry; clock: Clock }): Dispatcher {
  const { store, authorizer, registry, clock } = options
  let pending: PendingWork | undefined
  // Handlers write through this view of the store, so that cached policies never outlive a change of IAM records.
  const handlerStore = trackIamWrites(store, (collection, scope, key) => {
    authorizer.recordWritten(collection, scope, key)
    pending?.iamWrites.push([collection, scope, key])
  })

  function invoke(call: Call): unknown {
    const outermost = pending === undefined
    if (outermost) pending = { afterCommit: [], failures: [], iamWrites: [] }
    const work = pending!
    try {
      const result = invokeOnce(call, work, outermost)
      if (outermost) {
        pending = undefined
        for (const fn of work.failures) fn()
        for (const fn of work.afterCommit) fn()
      }
      return result
    } catch (error) {
      if (outermost) {
        pending = undefined
        for (const fn of work.failures) fn()
      }
      throw error
    }
  }

  function invokeOnce(call: Call, work: PendingWork, outermost: boolean): unknown {
    const service = registry.service(call.service)
    const definition = service?.operations[call.operation]
    if (!service || !definition) {
      throw new AwsError('InvalidAction', `The action ${call.operation} is not valid for this web service (taskrole does not implement ${call.service}:${call.operation}).`)
    }
    const requestId = call.requestId ?? newRequestId()
    const eventId = newRequestId()
    const now = clock.now()
    const audit: AuditAnnotations = { resources: [] }
    const outcomes: AuthorizationOutcome[] = []
    const environment = {
      now,
      region: call.region,
      sourceIp: call.source.ip,
      secureTransport: call.source.secureTransport,
      sourceVpc: call.source.sourceVpc,
      sourceVpce: call.source.sourceVpce,
      viaService: call.source.viaService,
      policySnapshot: new Map(),
    }
    const ctx: CallContext = {
      requestId,
      eventId,
      service: call.service,
      operation: call.operation,
      principal: call.principal,
      accountId: principalAccount(call.principal),
      region: call.region,
      now,
      store: handlerStore,
      source: call.source,
      audit,
      authorize(requirement: AuthorizationRequirement) {
        const outcome = authorizer.authorize(call.principal, requirement, environment)
        outcomes.push(outcome)
        if (!outcome.permitted) throw accessDenied(service, outcome)
      },
      check(requirement: AuthorizationRequirement, as?: Principal) {
        return authorizer.authorize(as ?? call.principal, requirement, environment)
      },
      invoke(serviceName: string, operation: string, input: unknown, options?: InvokeOptions) {
        return invoke({
          service: serviceName,
          operation,
          input,
          principal: options?.principal ?? call.principal,
          region: options?.region ?? call.region,
          source: { ...call.source, ...options?.source },
        }) as never
      },
      afterCommit(fn: () => void) {
        work.afterCommit.push(fn)
      },
    }
    const readOnly = definition.readOnly ?? defaultReadOnly(call.operation)
    // A call that changes nothing needs no commit for its audit row alone: the row waits and is written with
    // others (AuditEvents.defer). Nested calls write theirs in the outer transaction, to roll back with it.
    const deferAudit = outermost && readOnly && !definition.readsAuditTrail
    const sensitive = new Set(service.sensitiveInputMembers ?? [])
    const record = (decision: string, output: unknown, error: AwsError | undefined, when: 'now' | 'deferred') =>
      recordEvent(
        store,
        {
        eventId,
        requestId,
        eventTime: now,
        eventSource: service.eventSource,
        eventName: call.operation,
        region: call.region,
        principal: call.principal,
        sourceIp: call.source.ip,
        userAgent: call.source.userAgent,
        readOnly,
        requestParameters: call.input,
        responseElements: audit.responseElements ?? (readOnly ? null : output),
        error: error ? { code: error.code, message: error.message } : undefined,
        resources: audit.resources,
        additionalEventData: audit.additionalEventData,
        decision,
        explanation: outcomes.length ? outcomes.map(decisionRecord) : undefined,
        // Audit mode: what the caller would have been told, so lookup-events shows the would-be denials.
        wouldBeDenied: auditDenials(service, outcomes),
        sensitiveMembers: sensitive,
        recipientAccountId: audit.recipientAccountId,
        sharedEventId: audit.sharedEventId,
        },
        when,
      )
    const decisionOf = () =>
      outcomes.length === 0 ? 'none' : outcomes.some((o) => !o.permitted) ? 'denied' : outcomes.some((o) => o.decision.decision !== 'allowed') ? 'audit-denied' : 'allowed'
    let written: AuditEventRow[] = []
    try {
      return store.transaction(() => {
        // Rows still waiting go first, so that the trail keeps the order of the calls (and a reader sees them).
        if (outermost && !deferAudit) written = store.audit.insertPending()
        const requirements = definition.authorization(call.input, ctx)
        if (requirements !== 'none') for (const requirement of requirements) ctx.authorize(requirement)
        const output = definition.handler(call.input, ctx)
        record(decisionOf(), output, undefined, deferAudit ? 'deferred' : 'now')
        return output
      })
    } catch (error) {
      // The transaction (or savepoint) rolled back: what was read from the IAM records it wrote is stale, and the
      // waiting rows it wrote wait again.
      store.audit.requeue(written)
      for (const [collection, scope, key] of work.iamWrites) authorizer.recordWritten(collection, scope, key)
      const awsError = isAwsError(error) ? error : undefined
      // A failed call changed nothing: its row waits like a read-only call's.
      work.failures.push(() => record(decisionOf(), undefined, awsError ?? new AwsError('InternalFailure', 'internal failure', { status: 500 }), 'deferred'))
      throw error
    }
  }

  return { invoke, registry, authorizer }
}

function accessDenied(service: ServiceDefinition, outcome: AuthorizationOutcome): AwsError {
  return new AwsError(service.accessDenied.code, denialText(service, outcome), { status: service.accessDenied.status })
}

function denialText(service: ServiceDefinition, outcome: AuthorizationOutcome): string {
  const message = outcome.denialMessage ?? 'Access denied'
  return service.accessDenied.message ? service.accessDenied.message(message, outcome) : message
}

function auditDenials(service: ServiceDefinition, outcomes: AuthorizationOutcome[]) {
  const denials = outcomes.filter((outcome) => outcome.permitted && outcome.decision.decision !== 'allowed')
  return denials.length ? denials.map((outcome) => ({ errorCode: service.accessDenied.code, errorMessage: denialText(service, outcome) })) : undefined
}
