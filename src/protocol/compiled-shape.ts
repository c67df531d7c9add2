//! A model shape prepared once for the hot path: members in order with their wire names, constraints compiled
//! (patterns as anchored RegExps, enum sets). Shapes resolve their targets lazily, so recursive shapes are fine.

export type ShapeType =
  | 'structure'
  | 'list'
  | 'map'
  | 'string'
  | 'integer'
  | 'long'
  | 'float'
  | 'double'
  | 'boolean'
  | 'timestamp'
  | 'blob'
  | 'document'

/** A member reference as botocore's JSON spells it. */
export interface RawMemberRef {
  shape: string
  locationName?: string
  queryName?: string
  flattened?: boolean
  timestampFormat?: string
}

/** A shape as botocore's JSON spells it (documentation already stripped by scripts/import-models.ts). */
export interface RawShape {
  type: string
  members?: Record<string, RawMemberRef>
  required?: string[]
  member?: RawMemberRef
  key?: RawMemberRef
  value?: RawMemberRef
  min?: number
  max?: number
  pattern?: string
  enum?: string[]
  sensitive?: boolean
  flattened?: boolean
  timestampFormat?: string
  locationName?: string
  document?: boolean
  union?: boolean
  exception?: boolean
  fault?: boolean
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean }
}

export type ShapeResolver = (name: string) => CompiledShape

export class CompiledMember {
  /** key in the plain objects handlers see */
  readonly name: string
  /** how Coral names it in validation messages: first letter lower-cased ('RoleName' -> 'roleName', 'SAMLOptions' -> 'sAMLOptions') */
  readonly camelName: string
  readonly shapeName: string
  /** query protocol: locationName or the member name */
  readonly queryName: string
  /** ec2 protocol input: queryName, else locationName with a capital first letter, else the member name (botocore EC2Serializer) */
  readonly ec2Name: string
  /** locationName or the member name: the element in query/ec2 responses, the key in JSON */
  readonly wireName: string
  readonly flattened: boolean | undefined
  readonly timestampFormat: string | undefined
  #shape: CompiledShape | undefined
  readonly #resolve: ShapeResolver

  constructor(name: string, raw: RawMemberRef, resolve: ShapeResolver) {
    this.name = name
    this.camelName = name.length > 0 ? name[0]!.toLowerCase() + name.slice(1) : name
    this.shapeName = raw.shape
    this.queryName = raw.locationName ?? name
    this.ec2Name = raw.queryName ?? (raw.locationName ? raw.locationName[0]!.toUpperCase() + raw.locationName.slice(1) : name)
    this.wireName = raw.locationName ?? name
    this.flattened = raw.flattened
    this.timestampFormat = raw.timestampFormat
    this.#resolve = resolve
  }

  get shape(): CompiledShape {
    return (this.#shape ??= this.#resolve(this.shapeName))
  }
}

export interface CompiledShape {
  readonly name: string
  readonly type: ShapeType
  /** structure members in model order (empty for other types) */
  readonly members: readonly CompiledMember[]
  readonly memberByName: ReadonlyMap<string, CompiledMember>
  readonly required: ReadonlySet<string>
  /** list element */
  readonly member: CompiledMember | undefined
  readonly key: CompiledMember | undefined
  readonly value: CompiledMember | undefined
  readonly flattened: boolean
  readonly min: number | undefined
  readonly max: number | undefined
  readonly pattern: RegExp | undefined
  /** the pattern as the model (and AWS's message) spells it */
  readonly patternSource: string | undefined
  readonly enumValues: readonly string[] | undefined
  readonly enumSet: ReadonlySet<string> | undefined
  readonly sensitive: boolean
  readonly timestampFormat: string | undefined
  readonly error: { code: string; status: number; senderFault: boolean } | undefined
}

const KNOWN_TYPES = new Set<string>(['structure', 'list', 'map', 'string', 'integer', 'long', 'float', 'double', 'boolean', 'timestamp', 'blob'])

export function compileShape(name: string, raw: RawShape, resolve: ShapeResolver): CompiledShape {
  const members: CompiledMember[] = []
  const memberByName = new Map<string, CompiledMember>()
  for (const [memberName, ref] of Object.entries(raw.members ?? {})) {
    const compiled = new CompiledMember(memberName, ref, resolve)
    members.push(compiled)
    memberByName.set(memberName, compiled)
  }
  const type: ShapeType = raw.document ? 'document' : KNOWN_TYPES.has(raw.type) ? (raw.type as ShapeType) : 'string'
  return {
    name,
    type,
    members,
    memberByName,
    required: new Set(raw.required ?? []),
    member: raw.member ? new CompiledMember('member', raw.member, resolve) : undefined,
    key: raw.key ? new CompiledMember('key', raw.key, resolve) : undefined,
    value: raw.value ? new CompiledMember('value', raw.value, resolve) : undefined,
    flattened: raw.flattened === true,
    min: raw.min,
    max: raw.max,
    pattern: raw.pattern === undefined ? undefined : compileJavaPattern(raw.pattern),
    patternSource: raw.pattern,
    enumValues: raw.enum,
    enumSet: raw.enum ? new Set(raw.enum) : undefined,
    sensitive: raw.sensitive === true,
    timestampFormat: raw.timestampFormat,
    error: raw.exception
      ? {
          code: raw.error?.code ?? name,
          status: raw.error?.httpStatusCode ?? (raw.fault ? 500 : 400),
          senderFault: raw.error?.senderFault ?? !raw.fault,
        }
      : undefined,
  }
}

/**
 * AWS checks patterns with Java's Matcher.matches(): the whole value must match. Java's leading inline flags
 * ((?s), (?i)) become RegExp flags; `\p{L}`-style classes need the 'u' flag, and patterns with identity escapes
 * that 'u' rejects (`\:`) compile without it. A pattern neither accepts is skipped rather than failing requests.
 */
export function compileJavaPattern(source: string): RegExp | undefined {
  let body = source
  let flags = ''
  const inline = /^\(\?([a-z]+)\)/.exec(body)
  if (inline) {
    for (const flag of inline[1]!) if (flag === 'i' || flag === 's' || flag === 'm') flags += flag
    body = body.slice(inline[0].length)
  }
  for (const extra of ['u', '']) {
    try {
      return new RegExp(`^(?:${body})$`, flags + extra)
    } catch {
      // try the next dialect
    }
  }
  return undefined
}
