//! The one error type AWS clients ever see; only protocol/ renders it (STYLE.md rule 7).

export interface AwsErrorOptions {
  /** HTTP status; AWS uses 400 for most client errors. */
  status?: number
  /** false for server-side faults (5xx), which the query protocol renders as <Type>Receiver</Type>. */
  senderFault?: boolean
  /** Extra members some errors carry (e.g. ECS ClientException has none, KMS has none; kept for completeness). */
  fields?: Record<string, unknown>
}

export class AwsError extends Error {
  readonly code: string
  readonly status: number
  readonly senderFault: boolean
  readonly fields: Record<string, unknown> | undefined

  constructor(code: string, message: string, options: AwsErrorOptions = {}) {
    super(message)
    this.name = 'AwsError'
    this.code = code
    this.status = options.status ?? 400
    this.senderFault = options.senderFault ?? this.status < 500
    this.fields = options.fields
  }
}

export function isAwsError(value: unknown): value is AwsError {
  return value instanceof AwsError
}

/** What every unexpected exception becomes at the wire; its stack goes to the log, never to a client. */
export function internalFailure(): AwsError {
  return new AwsError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', {
    status: 500,
    senderFault: false,
  })
}
