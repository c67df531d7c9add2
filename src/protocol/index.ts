//! Public face of protocol/: requests in, AWS's exact wire format out, driven by the botocore models.
export { ServiceCatalog, type ServiceCatalogOptions } from './service-catalog.js'
export type { HttpResponse, OperationRef, Protocol, RawHttpRequest } from './protocol-types.js'
export type { ServiceModel, OperationModel } from './service-model.js'
export type { CompiledShape, CompiledMember, ShapeType } from './compiled-shape.js'
export type { ModelMetadata } from './model-metadata.js'
