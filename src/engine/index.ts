//! The IAM policy engine's public face: validate on write, compile once, evaluate per request, explain.
//! Pure: no I/O, no clock, no store (DESIGN.md §2, STYLE.md rule 5).
export type {
  JsonObject,
  JsonValue,
  PolicyKind,
  PolicyValidation,
  SourcePosition,
  SourceSpan,
  ValidateOptions,
} from './document/policy-document.js'
export { validatePolicyDocument } from './document/validate-policy.js'
export { policySize } from './document/policy-size.js'
export { parsePolicy } from './document/parse-policy.js'
export * as malformedPolicyMessages from './document/malformed-policy-messages.js'
export { compilePolicy } from './compile/compile-policy.js'
export type { CompileOptions, CompiledPolicy, CompiledStatement, PolicySourceInfo } from './compile/compile-policy.js'
export { CONDITION_OPERATORS, parseOperatorName } from './compile/condition-operators.js'
export type { AuthorizationRequest, ContextScalar, ContextValue, RequestPrincipal } from './evaluate/authorization-request.js'
export { evaluate } from './evaluate/evaluate.js'
export { contextFromEntries, type ContextEntry } from './evaluate/context-entries.js'
export type { PolicySet } from './evaluate/evaluate.js'
export type {
  ConditionExplanation,
  Decision,
  EvalDecision,
  Explanation,
  MatchedStatement,
  PolicyExplanation,
  PolicyRole,
  PrincipalGrant,
  StatementExplanation,
  StatementOutcome,
} from './decision.js'
export { renderExplanation } from './explain/render-explanation.js'
