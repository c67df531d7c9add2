//! The protocol layer's one object: which served model a request is for, its validated input, and the exact
//! wire form of outputs and errors. Models are read lazily, per service, from the directory given.
import type { AwsError } from '../aws/index.js'
import { serializeEc2Error } from './ec2/serialize-error.js'
import { ec2Dialect } from './ec2/parse-request.js'
import { serializeEc2Response } from './ec2/serialize-response.js'
import { buildServiceIndex, guessProtocol, identifyOperation, type ServiceIndex } from './identify-operation.js'
import { parseJsonInput } from './json/parse-request.js'
import { serializeJsonError } from './json/serialize-error.js'
import { serializeJsonResponse } from './json/serialize-response.js'
import { readModelMetadata } from './model-metadata.js'
import { unknownOperation } from './protocol-errors.js'
import type { HttpResponse, OperationRef, Protocol, RawHttpRequest } from './protocol-types.js'
import { formParams } from './query/form-params.js'
import { queryDialect, readFormInput } from './query/parse-request.js'
import { serializeQueryError } from './query/serialize-error.js'
import { serializeQueryResponse } from './query/serialize-response.js'
import { ServiceModel, type OperationModel } from './service-model.js'
import { validateInput, type Violation } from './validate-input.js'
import { validationError } from './validation-message.js'

export interface ServiceCatalogOptions {
  modelsDir: string
  /** which models to serve, by file name: 'iam', 'ecs', … */
  services: string[]
}

export class ServiceCatalog {
  readonly #models = new Map<string, ServiceModel>()
  readonly #index: ServiceIndex

  constructor(options: ServiceCatalogOptions) {
    for (const service of options.services) {
      this.#models.set(service, new ServiceModel(options.modelsDir, service, readModelMetadata(options.modelsDir, service)))
    }
    this.#index = buildServiceIndex([...this.#models.values()])
  }

  /** The served model names. */
  services(): string[] {
    return [...this.#models.keys()]
  }

  model(service: string): ServiceModel {
    const model = this.#models.get(service)
    if (!model) throw new Error(`service ${service} is not served`)
    return model
  }

  /** Throws AwsError InvalidAction (query/ec2), MissingAction or UnknownOperationException (json); never a 500. */
  identify(request: RawHttpRequest, scopeService?: string): OperationRef {
    return identifyOperation(this.#index, request, scopeService)
  }

  guessProtocol(request: RawHttpRequest, scopeService?: string): Protocol {
    return guessProtocol(this.#index, request, scopeService)
  }

  /** Input keyed by model member names; throws the service's validation AwsError listing every violation. */
  parseInput(ref: OperationRef, request: RawHttpRequest): Record<string, unknown> {
    const operation = this.#operation(ref)
    let input: Record<string, unknown>
    let violations: Violation[] = []
    if (ref.protocol === 'json') {
      input = parseJsonInput(operation.input, request.body)
    } else {
      const read = readFormInput(operation.input, formParams(request).tree, ref.protocol === 'ec2' ? ec2Dialect : queryDialect)
      input = read.input
      violations = read.typeViolations
    }
    if (operation.input) {
      const found = validateInput(operation.input, input)
      // A value that did not parse is absent from `input`; do not report it a second time as null.
      violations = violations.length === 0 ? found : [...violations, ...found.filter((v) => !violations.some((t) => t.path === v.path))]
    }
    if (violations.length > 0) throw validationError(ref.service, ref.protocol, violations)
    return input
  }

  serializeOutput(ref: OperationRef, output: unknown, requestId: string): HttpResponse {
    const model = this.model(ref.service)
    const operation = this.#operation(ref)
    switch (ref.protocol) {
      case 'json':
        return serializeJsonResponse(model, operation, output, requestId)
      case 'query':
        return serializeQueryResponse(model, operation, output, requestId)
      case 'ec2':
        return serializeEc2Response(model, operation, output, requestId)
    }
  }

  serializeError(protocol: Protocol, error: AwsError, requestId: string, ref?: OperationRef): HttpResponse {
    const model = ref ? this.#models.get(ref.service) : undefined
    switch (protocol) {
      case 'json':
        return serializeJsonError(error, requestId, model)
      case 'query':
        return serializeQueryError(error, requestId, model)
      case 'ec2':
        return serializeEc2Error(error, requestId)
    }
  }

  #operation(ref: OperationRef): OperationModel {
    const operation = this.model(ref.service).operation(ref.operation)
    if (!operation) throw unknownOperation()
    return operation
  }
}
