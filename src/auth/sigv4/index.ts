//! SigV4: parse a request's signature (header or presigned query) and verify it.
export { parseAuthorization, SIGV4_ALGORITHM, type SignatureParts, type SignedRequestView } from './parse-authorization.js'
export { readSigningScope, type SigningScope } from './read-signing-scope.js'
export { checkSigningTime, MAX_CLOCK_SKEW_MS } from './check-signing-time.js'
export { verifySignature, computeSignature, type VerifiableRequest } from './verify-signature.js'
export { SigningKeyCache, deriveSigningKey } from './signing-key-cache.js'
export { canonicalRequest, type CanonicalRequestInput } from './canonical-request.js'
