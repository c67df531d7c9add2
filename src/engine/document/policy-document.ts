//! The shapes of a policy document as written: JSON values with source spans, and the policy kinds IAM validates.

export type JsonValue = string | number | boolean | null | JsonObject | JsonValue[]
/** Objects are built without a prototype, so keys such as `constructor` or `__proto__` are plain data. */
export interface JsonObject {
  [key: string]: JsonValue
}

/** 1-based line and column, as IAM's simulate APIs report StartPosition/EndPosition of a statement. */
export interface SourcePosition {
  line: number
  column: number
}

/** Where an element begins (its `{` or `[`) and ends (just after its `}` or `]`). */
export interface SourceSpan {
  start: SourcePosition
  end: SourcePosition
}

/**
 * identity = inline user/group/role policy; managed = customer managed policy (must be 2012-10-17);
 * trust = role trust policy (Principal required, no Resource, sts actions);
 * resource = ECR/Secrets/KMS key policy (Principal required); boundary = same grammar as managed;
 * session = AssumeRole Policy parameter (identity grammar).
 */
export type PolicyKind = 'identity' | 'managed' | 'trust' | 'resource' | 'boundary' | 'session'

/** message = AWS's exact MalformedPolicyDocument text. */
export type PolicyValidation =
  | {
      ok: true
      /** Trust/resource policies: each IAM user or role ARN the policy names -> its unique id now, to pass to compilePolicy. */
      principalUniqueIds?: Record<string, string>
    }
  | { ok: false; message: string }

export interface ValidateOptions {
  /** For trust/resource policies: does this principal ARN exist? Return its unique id (AIDA…/AROA…) or undefined if it does not exist.
   *  Called only for same-partition IAM user/role ARNs. If the option is absent, existence is not checked. */
  resolvePrincipal?: (arn: string) => string | undefined
}

/** One statement of a parsed document, with its place in the text. */
export interface StatementNode {
  index: number
  value: JsonObject
  /** From the statement's `{` to just after its `}`. */
  span: SourceSpan
  /**
   * Where IAM's simulate APIs say the statement begins and ends: AWS reports its JSON parser's position after
   * the token before the statement (after `[` for the first, after the previous `}` for the others, after the
   * `{` when Statement is a single object) and after the closing `}`, as in the AWS CLI's simulate-custom-policy
   * example (Column 38 to 167 for a one-line policy whose statement object spans columns 37 to 166).
   */
  reportedSpan: SourceSpan
}

export interface PolicyDocumentNode {
  root: JsonObject
  /** The Version element when it is a string; policy variables only exist under 2012-10-17. */
  version: string | undefined
  /** Statement as written: one object or an array (non-object entries are left out). */
  statements: StatementNode[]
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function hasKey(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key)
}
