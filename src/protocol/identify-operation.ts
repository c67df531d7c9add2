//! Which service and operation a request is for, from X-Amz-Target (json) or Action + Version (query, ec2),
//! narrowed by the SigV4 credential scope's service name when the caller signed the request.
import type { AwsError } from '../aws/index.js'
import { ec2InvalidAction, invalidAction, missingAction, unknownOperation } from './protocol-errors.js'
import type { OperationRef, Protocol, RawHttpRequest } from './protocol-types.js'
import { formParams } from './query/form-params.js'
import type { ServiceModel } from './service-model.js'

/** The served models indexed the ways requests name them; built once from metadata alone. */
export interface ServiceIndex {
  readonly byTargetPrefix: ReadonlyMap<string, ServiceModel>
  /** signing name and endpoint prefix -> models ('ecr' and 'api.ecr' both name ECR) */
  readonly byScope: ReadonlyMap<string, readonly ServiceModel[]>
  /** query/ec2 models by API version, the `Version` parameter every query client sends */
  readonly byVersion: ReadonlyMap<string, readonly ServiceModel[]>
  /** query/ec2 models, ec2 last so its 1 MB model is read only when nothing smaller matches */
  readonly formModels: readonly ServiceModel[]
}

export function buildServiceIndex(models: readonly ServiceModel[]): ServiceIndex {
  const byTargetPrefix = new Map<string, ServiceModel>()
  const byScope = new Map<string, ServiceModel[]>()
  const byVersion = new Map<string, ServiceModel[]>()
  const add = (map: Map<string, ServiceModel[]>, key: string, model: ServiceModel) => {
    const list = map.get(key) ?? []
    if (!list.includes(model)) list.push(model)
    map.set(key, list)
  }
  for (const model of models) {
    add(byScope, model.signingName, model)
    add(byScope, model.metadata.endpointPrefix, model)
    if (model.protocol === 'json') {
      const prefix = model.metadata.targetPrefix
      if (prefix) {
        byTargetPrefix.set(prefix, model)
        // The JS SDK v3 sends CloudTrail's short prefix (CloudTrail_20131101), botocore the dotted one.
        byTargetPrefix.set(prefix.slice(prefix.lastIndexOf('.') + 1), model)
      }
    } else add(byVersion, model.metadata.apiVersion, model)
  }
  const formModels = models.filter((m) => m.protocol !== 'json').sort((a, b) => Number(a.protocol === 'ec2') - Number(b.protocol === 'ec2'))
  return { byTargetPrefix, byScope, byVersion, formModels }
}

export function identifyOperation(index: ServiceIndex, request: RawHttpRequest, scopeService?: string): OperationRef {
  const target = request.headers['x-amz-target']
  if (target !== undefined) return identifyJsonTarget(index, target)
  const scoped = scopeService === undefined ? undefined : index.byScope.get(scopeService)
  // A JSON service signed for but sent without a target: AWS's JSON front end cannot route it.
  if (scoped && scoped.every((m) => m.protocol === 'json')) throw unknownOperation()

  const { flat } = formParams(request)
  const action = flat.get('Action')
  const version = flat.get('Version')
  let candidates: readonly ServiceModel[]
  if (scoped) candidates = version === undefined ? scoped : scoped.filter((m) => m.metadata.apiVersion === version)
  else if (version !== undefined) candidates = index.byVersion.get(version) ?? []
  else candidates = index.formModels
  candidates = candidates.filter((m) => m.protocol !== 'json')

  if (!action) throw missingAction()
  for (const model of candidates) {
    if (model.operation(action)) return refFor(model, action)
  }
  throw unknownAction(candidates[0] ?? scoped?.[0], action, version)
}

/** The protocol to answer in when identify() failed: so even that error reaches the client in a shape it parses. */
export function guessProtocol(index: ServiceIndex, request: RawHttpRequest, scopeService?: string): Protocol {
  if (request.headers['x-amz-target'] !== undefined) return 'json'
  const scoped = scopeService === undefined ? undefined : index.byScope.get(scopeService)
  if (scoped?.[0]) return scoped[0].protocol
  const version = formParams(request).flat.get('Version')
  const byVersion = version === undefined ? undefined : index.byVersion.get(version)?.[0]
  if (byVersion) return byVersion.protocol
  return version === '2016-11-15' ? 'ec2' : 'query'
}

function identifyJsonTarget(index: ServiceIndex, target: string): OperationRef {
  // Target prefixes may contain dots (com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101): split at the last.
  const dot = target.lastIndexOf('.')
  const model = dot > 0 ? index.byTargetPrefix.get(target.slice(0, dot)) : undefined
  const operation = target.slice(dot + 1)
  if (!model || !model.operation(operation)) throw unknownOperation()
  return refFor(model, operation)
}

function unknownAction(model: ServiceModel | undefined, action: string, version: string | undefined): AwsError {
  if (model?.protocol === 'ec2') return ec2InvalidAction(action)
  return invalidAction(action, version ?? model?.metadata.apiVersion ?? '')
}

function refFor(model: ServiceModel, operation: string): OperationRef {
  return {
    service: model.service,
    operation,
    protocol: model.protocol,
    signingName: model.signingName,
    eventSource: model.eventSource,
  }
}
