//! The policy simulator's common part: evaluates every action on every resource with the engine and answers in the
//! shape of SimulatePrincipalPolicy / SimulateCustomPolicy (IAM API Reference, EvaluationResult).
import { parseArn } from '../../aws/index.js'
import { compilePolicy, evaluate, validatePolicyDocument, type CompiledPolicy, type ContextValue, type Decision, type PolicyRole, type RequestPrincipal } from '../../engine/index.js'
import { invalidInput } from './errors.js'
import { pageByIndex, type PagingInput } from './paging.js'

/** A policy as the simulator names it in MatchedStatements. */
export interface SimulatedPolicy {
  /** "PolicyInputList.1", an inline policy's name, a managed policy's name, "ResourcePolicy" */
  sourcePolicyId: string
  /** 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'resource', or 'IAM Policy' for input policies */
  sourcePolicyType: string
  document: string
}

export interface ContextEntry {
  ContextKeyName: string
  ContextKeyValues?: string[]
  ContextKeyType?: string
}

export interface SimulationInput extends PagingInput {
  ActionNames: string[]
  ResourceArns?: string[]
  ResourceOwner?: string
  ContextEntries?: ContextEntry[]
}

export interface Simulation {
  principal: RequestPrincipal
  accountId: string
  identity: SimulatedPolicy[]
  boundary?: SimulatedPolicy
  resource?: SimulatedPolicy
}

/** Input policies are checked as identity policies; the simulator answers a bad one with InvalidInput. */
export function checkSimulatedDocument(text: string, kind: 'identity' | 'resource' | 'boundary', label: string): void {
  const result = validatePolicyDocument(text, kind, {})
  if (!result.ok) throw invalidInput(`${label}: ${result.message}`)
}

export function simulate(input: SimulationInput, simulation: Simulation) {
  const ids = new Map<string, SimulatedPolicy>()
  const compile = (policy: SimulatedPolicy, engineType: string): CompiledPolicy => {
    const id = `simulated-${ids.size}`
    ids.set(id, policy)
    return compilePolicy(policy.document, { id, type: engineType })
  }
  const identity = simulation.identity.map((policy) =>
    compile(policy, policy.sourcePolicyType === 'IAM Policy' ? 'user-managed' : policy.sourcePolicyType),
  )
  const boundary = simulation.boundary ? compile(simulation.boundary, 'Permissions Boundary Policy') : undefined
  const resource = simulation.resource ? compile(simulation.resource, 'Resource Policy') : undefined
  const context = contextOf(input.ContextEntries)
  const resources = input.ResourceArns?.length ? input.ResourceArns : ['*']
  const ownerAccount = input.ResourceOwner ? (parseArn(input.ResourceOwner)?.account ?? input.ResourceOwner) : simulation.accountId

  const results = []
  for (const action of input.ActionNames) {
    for (const resourceArn of resources) {
      const decision = evaluate(
        {
          principal: simulation.principal,
          action,
          resource: resourceArn,
          resourceAccount: parseArn(resourceArn)?.account || ownerAccount,
          context,
        },
        { identity, boundary, resource },
      )
      const statements = decision.matchedStatements.map((s) => {
        const source = ids.get(s.sourcePolicyId)
        return {
          SourcePolicyId: source?.sourcePolicyId ?? s.sourcePolicyId,
          SourcePolicyType: source?.sourcePolicyType ?? 'none',
          StartPosition: { Line: s.startPosition.line, Column: s.startPosition.column },
          EndPosition: { Line: s.endPosition.line, Column: s.endPosition.column },
        }
      })
      const details = evalDecisionDetails(decision)
      const boundaryDetail = boundary ? { AllowedByPermissionsBoundary: decision.permissionsBoundaryAllowed ?? false } : undefined
      const specific = input.ResourceArns?.length
        ? [
            {
              EvalResourceName: resourceArn,
              EvalResourceDecision: decision.decision,
              MatchedStatements: statements,
              MissingContextValues: decision.missingContextValues,
              EvalDecisionDetails: details,
              PermissionsBoundaryDecisionDetail: boundaryDetail,
            },
          ]
        : undefined
      results.push({
        EvalActionName: action,
        EvalResourceName: resourceArn,
        EvalDecision: decision.decision,
        MatchedStatements: statements,
        MissingContextValues: decision.missingContextValues,
        PermissionsBoundaryDecisionDetail: boundaryDetail,
        EvalDecisionDetails: details,
        ResourceSpecificResults: specific,
      })
    }
  }
  const result = pageByIndex(results, input)
  return { EvaluationResults: result.items, IsTruncated: result.IsTruncated, Marker: result.Marker }
}

/** Per kind of policy, for cross-account simulations only (IAM API Reference, EvaluationResult.EvalDecisionDetails). */
function evalDecisionDetails(decision: Decision): Record<string, string> {
  const details: Record<string, string> = {}
  if (!decision.explanation.crossAccount) return details
  const names: Partial<Record<PolicyRole, string>> = { identity: 'IAM Policy', resource: 'Resource Policy', boundary: 'Permissions Boundary Policy' }
  for (const [role, value] of Object.entries(decision.explanation.decisionDetails)) {
    const name = names[role as PolicyRole]
    if (name && value) details[name] = value
  }
  return details
}

/** ContextEntries -> request context; list types give lists, the others their single value. */
export function contextOf(entries: readonly ContextEntry[] | undefined): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {}
  for (const entry of entries ?? []) {
    const values = entry.ContextKeyValues ?? []
    const isList = entry.ContextKeyType?.endsWith('List') ?? false
    if (isList) context[entry.ContextKeyName] = values
    else if (values[0] !== undefined) context[entry.ContextKeyName] = values[0]
  }
  return context
}
