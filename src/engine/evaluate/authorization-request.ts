//! What the engine is asked (IAM User Guide, "Policy evaluation logic: the request context"): who,
//! which action on which resource, and the condition keys; plus the per-request state built from it once.
import { arnTarget, type ArnTarget } from '../compile/arn-pattern.js'
import type { VariableSource } from '../compile/policy-variables.js'

export type ContextValue = string | string[] | number | boolean | boolean[] | number[]
export type ContextScalar = string | number | boolean

export interface RequestPrincipal {
  type: 'Root' | 'IAMUser' | 'AssumedRole' | 'FederatedUser' | 'AWSService' | 'Anonymous'
  /** user ARN / session ARN (arn:aws:sts::A:assumed-role/R/S) / root ARN / service name for AWSService */
  arn: string
  /** absent for AWSService */
  accountId?: string
  /** AIDA… for users, AROA… (the ROLE id, not including :session) for sessions */
  uniqueId?: string
  /** sessions: the role's ARN including its path (a Principal naming the role ARN matches its sessions) */
  roleArn?: string
  /** AWSService: 'ecs-tasks.amazonaws.com' */
  service?: string
  /** AssumeRoleWithWebIdentity/SAML callers: the identity provider a `Federated` principal must name. */
  federatedProvider?: string
}

export interface AuthorizationRequest {
  principal: RequestPrincipal
  /** 'iam:PassRole' */
  action: string
  /** ARN, or '*' for actions without resource */
  resource: string
  /** account owning the resource (cross-account when ≠ principal's) */
  resourceAccount?: string
  /** condition keys with the request's values, keys in any case ('aws:CurrentTime' as an ISO string, 'aws:PrincipalTag/team', …) */
  context: Record<string, ContextValue>
}

const hasOwn = Object.prototype.hasOwnProperty

/** Per-request state: lower-cased action, the resource split once, context lookups, keys found missing. */
export class PreparedRequest implements VariableSource {
  readonly actionLower: string
  /** The action's service prefix, lower-case ('iam' for 'iam:PassRole'). */
  readonly service: string
  readonly principal: RequestPrincipal
  /** MissingContextValues: keys a condition or variable asked for that the request does not carry. */
  readonly missingKeys: string[] = []
  private resourceTarget: ArnTarget | undefined
  private lowerContext: Map<string, ContextValue> | undefined

  constructor(
    readonly request: AuthorizationRequest,
    /** Deny + NotPrincipal applies to every principal with a permissions boundary (IAM User Guide, "NotPrincipal"). */
    readonly hasBoundary: boolean,
  ) {
    this.actionLower = request.action.toLowerCase()
    const colon = this.actionLower.indexOf(':')
    this.service = colon < 0 ? this.actionLower : this.actionLower.slice(0, colon)
    this.principal = request.principal
  }

  get resource(): ArnTarget {
    return (this.resourceTarget ??= arnTarget(this.request.resource))
  }

  /** Condition key names are case-insensitive (IAM User Guide, "IAM JSON policy elements: Condition"). */
  lookup(key: string, keyLower: string): ContextValue | undefined {
    const context = this.request.context
    if (hasOwn.call(context, key)) return context[key]
    if (!this.lowerContext) {
      this.lowerContext = new Map()
      for (const name of Object.keys(context)) this.lowerContext.set(name.toLowerCase(), context[name]!)
    }
    return this.lowerContext.get(keyLower)
  }

  noteMissing(key: string): void {
    const lower = key.toLowerCase()
    for (const known of this.missingKeys) if (known.toLowerCase() === lower) return
    this.missingKeys.push(key)
  }
}
