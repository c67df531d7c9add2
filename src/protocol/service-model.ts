//! One AWS service model: metadata read at start-up, operations and shapes loaded and compiled on first use.
import { readFileSync } from 'node:fs'
import { compileShape, type CompiledShape, type RawShape } from './compiled-shape.js'
import { modelPath, type ModelMetadata } from './model-metadata.js'
import type { Protocol } from './protocol-types.js'

interface RawOperation {
  name: string
  input?: { shape: string }
  output?: { shape: string; resultWrapper?: string }
  errors?: { shape: string }[]
}

interface RawModel {
  metadata: ModelMetadata
  operations: Record<string, RawOperation>
  shapes: Record<string, RawShape>
}

export interface OperationModel {
  readonly name: string
  readonly input: CompiledShape | undefined
  readonly output: CompiledShape | undefined
  /** query protocol: the element wrapping the output (`GetRoleResult`) */
  readonly resultWrapper: string
  /** shape names of the errors the operation declares */
  readonly errors: readonly string[]
}

export class ServiceModel {
  readonly service: string
  readonly metadata: ModelMetadata
  readonly protocol: Protocol
  /** SigV4 scope name: metadata.signingName, else endpointPrefix (botocore's rule) */
  readonly signingName: string
  /**
   * CloudTrail eventSource. AWS names it after the signing name, not the endpoint host: ECR's endpoint prefix is
   * `api.ecr` but its events say `ecr.amazonaws.com`; ELBv2's say `elasticloadbalancing.amazonaws.com`.
   */
  readonly eventSource: string
  readonly #modelsDir: string
  #raw: RawModel | undefined
  readonly #shapes = new Map<string, CompiledShape>()
  readonly #operations = new Map<string, OperationModel | null>()
  #errorsByCode: Map<string, CompiledShape> | undefined

  constructor(modelsDir: string, service: string, metadata: ModelMetadata) {
    this.service = service
    this.metadata = metadata
    this.#modelsDir = modelsDir
    this.protocol = toProtocol(metadata.protocol, service)
    this.signingName = metadata.signingName ?? metadata.endpointPrefix
    this.eventSource = `${this.signingName}.amazonaws.com`
  }

  /** True once the shapes have been read (tests pin that ec2.json stays unread until needed). */
  get loaded(): boolean {
    return this.#raw !== undefined
  }

  operationNames(): string[] {
    return Object.keys(this.#model().operations)
  }

  operation(name: string): OperationModel | undefined {
    const cached = this.#operations.get(name)
    if (cached !== undefined) return cached ?? undefined
    const raw = Object.hasOwn(this.#model().operations, name) ? this.#model().operations[name] : undefined
    const compiled: OperationModel | null = raw
      ? {
          name: raw.name,
          input: raw.input ? this.shape(raw.input.shape) : undefined,
          output: raw.output ? this.shape(raw.output.shape) : undefined,
          resultWrapper: raw.output?.resultWrapper ?? `${raw.name}Result`,
          errors: (raw.errors ?? []).map((ref) => ref.shape),
        }
      : null
    this.#operations.set(name, compiled)
    return compiled ?? undefined
  }

  shape(name: string): CompiledShape {
    let compiled = this.#shapes.get(name)
    if (!compiled) {
      const raw = this.#model().shapes[name]
      if (!raw) throw new Error(`model ${this.service} has no shape ${name}`)
      compiled = compileShape(name, raw, (target) => this.shape(target))
      this.#shapes.set(name, compiled)
    }
    return compiled
  }

  /** The modelled exception for an error code (query services' `error.code`, e.g. NoSuchEntity, or the shape name). */
  errorShape(code: string): CompiledShape | undefined {
    if (!this.#errorsByCode) {
      const byCode = new Map<string, CompiledShape>()
      for (const [name, raw] of Object.entries(this.#model().shapes)) {
        if (!raw.exception) continue
        const shape = this.shape(name)
        byCode.set(shape.error!.code, shape)
        if (!byCode.has(name)) byCode.set(name, shape)
      }
      this.#errorsByCode = byCode
    }
    return this.#errorsByCode.get(code)
  }

  #model(): RawModel {
    // Read once, on the first request for this service; never per request.
    return (this.#raw ??= JSON.parse(readFileSync(modelPath(this.#modelsDir, this.service), 'utf8')) as RawModel)
  }
}

function toProtocol(protocol: string, service: string): Protocol {
  if (protocol === 'query' || protocol === 'json' || protocol === 'ec2') return protocol
  throw new Error(`model ${service} uses protocol ${protocol}, which taskrole does not serve`)
}
