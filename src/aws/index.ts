//! Shared AWS vocabulary: the one folder every other folder may import.
export * from './aws-error.js'
export * from './arn.js'
export * from './account-id.js'
export * from './ids.js'
export * from './clock.js'
export * from './managed-policies.js'
export * from './ecr-image-uri.js'
