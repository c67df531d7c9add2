//! The wire-facing types the server pipeline and protocol/ share: raw request, rendered response, operation reference.

/** The three AWS protocols taskrole speaks (botocore metadata.protocol). */
export type Protocol = 'query' | 'json' | 'ec2'

export interface RawHttpRequest {
  method: string
  path: string
  /** raw query string without '?' */
  query: string
  /** lower-case header names */
  headers: Record<string, string>
  body: Buffer
}

export interface HttpResponse {
  status: number
  headers: Record<string, string>
  body: string | Buffer
}

/** Which operation of which served model a request is for. */
export interface OperationRef {
  /** model file name: 'iam', 'ecs', … */
  service: string
  /** 'GetRole' */
  operation: string
  protocol: Protocol
  /** SigV4 credential-scope service name ('iam', 'ecr', 'elasticloadbalancing', …) */
  signingName: string
  /** CloudTrail eventSource: 'iam.amazonaws.com', 'ecs.amazonaws.com', 'logs.amazonaws.com', … */
  eventSource: string
}
