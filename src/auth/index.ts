//! Authentication: who sent a request (SigV4 verification, access keys → principals) and the Principal types.
export * from './principal.js'
export { authenticate, type AuthenticateOptions, type AuthenticatedRequest } from './authenticate.js'
export { resolveAccessKey, rootPrincipal, type IssuedCredential, type AccessKeyOptions, type ResolvedAccessKey } from './resolve-access-key.js'
export {
  type AuthProtocol,
  missingAuthenticationToken,
  incompleteSignature,
  invalidClientTokenId,
  signatureDoesNotMatch,
  signatureScopeMismatch,
  requestTimeOutOfWindow,
  expiredToken,
} from './errors.js'
export { readSigningScope, type SigningScope, SigningKeyCache } from './sigv4/index.js'
export { createCredentialLookup } from './lookup-credential.js'
