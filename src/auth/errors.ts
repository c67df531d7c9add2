//! Authentication failures with AWS's codes, statuses and messages, spelled per wire protocol.
import { AwsError } from '../aws/index.js'

/**
 * Which family of spellings a service uses. The query services (IAM, STS, ELBv2) answer
 * `InvalidClientTokenId` 403; the JSON (Coral) services answer `UnrecognizedClientException` 400;
 * EC2 has its own `AuthFailure` 401.
 */
export type AuthProtocol = 'query' | 'json' | 'ec2'

interface Spelling {
  code: string
  status: number
  /** Where a protocol words the failure differently (EC2). */
  message?: string
}

function spelled(protocol: AuthProtocol, spellings: Record<AuthProtocol, Spelling>, message: string): AwsError {
  const spelling = spellings[protocol]
  return new AwsError(spelling.code, spelling.message ?? message, { status: spelling.status })
}

/**
 * No Authorization header and no presigned query. STS answers 403 "Request is missing Authentication Token";
 * DynamoDB-style JSON services answer 400 `com.amazon.coral.service#MissingAuthenticationTokenException`
 * with the same text.
 */
export function missingAuthenticationToken(protocol: AuthProtocol): AwsError {
  return spelled(
    protocol,
    {
      query: { code: 'MissingAuthenticationToken', status: 403 },
      json: { code: 'MissingAuthenticationTokenException', status: 400 },
      ec2: { code: 'MissingAuthenticationToken', status: 401 },
    },
    'Request is missing Authentication Token',
  )
}

/** A malformed Authorization header or presigned query (AWS common error IncompleteSignature, 400). */
export function incompleteSignature(protocol: AuthProtocol, message: string): AwsError {
  return spelled(
    protocol,
    {
      query: { code: 'IncompleteSignature', status: 400 },
      json: { code: 'IncompleteSignatureException', status: 400 },
      ec2: { code: 'IncompleteSignature', status: 400 },
    },
    message,
  )
}

/** Unknown, inactive or token-mismatched access key. */
export function invalidClientTokenId(protocol: AuthProtocol): AwsError {
  return spelled(
    protocol,
    {
      query: { code: 'InvalidClientTokenId', status: 403 },
      json: { code: 'UnrecognizedClientException', status: 400 },
      ec2: { code: 'AuthFailure', status: 401, message: 'AWS was not able to validate the provided access credentials' },
    },
    'The security token included in the request is invalid.',
  )
}

const SIGNATURE_MISMATCH: Record<AuthProtocol, Spelling> = {
  query: { code: 'SignatureDoesNotMatch', status: 403 },
  json: { code: 'InvalidSignatureException', status: 400 },
  ec2: { code: 'SignatureDoesNotMatch', status: 403 },
}

/** The signature we computed differs from the one sent. */
export function signatureDoesNotMatch(protocol: AuthProtocol): AwsError {
  return spelled(
    protocol,
    SIGNATURE_MISMATCH,
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  )
}

/**
 * The credential scope disagrees with the request (date, terminator); AWS reports these under the
 * signature-mismatch code, e.g. "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: …".
 */
export function signatureScopeMismatch(protocol: AuthProtocol, message: string): AwsError {
  return spelled(protocol, SIGNATURE_MISMATCH, message)
}

/**
 * The request's date is outside the allowed window, e.g. "Signature expired: 20220127T001427Z is now
 * earlier than 20220127T014428Z (20220127T015928Z - 15 min.)" (SignatureDoesNotMatch 403 from STS,
 * InvalidSignatureException 400 from JSON services). EC2 answers RequestExpired 400 "Request has expired.".
 */
export function requestTimeOutOfWindow(protocol: AuthProtocol, message: string): AwsError {
  return spelled(
    protocol,
    { ...SIGNATURE_MISMATCH, ec2: { code: 'RequestExpired', status: 400, message: 'Request has expired.' } },
    message,
  )
}

/** Session credentials past their expiration. */
export function expiredToken(protocol: AuthProtocol): AwsError {
  return spelled(
    protocol,
    {
      query: { code: 'ExpiredToken', status: 403 },
      json: { code: 'ExpiredTokenException', status: 400 },
      ec2: { code: 'RequestExpired', status: 400, message: 'Request has expired.' },
    },
    'The security token included in the request is expired',
  )
}
