//! CloudTrail's LookupEvents errors (CloudTrail API Reference, LookupEvents "Errors"; JSON protocol, HTTP 400).
//! AWS's message texts for these are not published; taskrole's say what was wrong in CloudTrail's terms.
import { AwsError } from '../../aws/index.js'

export function invalidLookupAttributes(message: string): AwsError {
  return new AwsError('InvalidLookupAttributesException', message, { status: 400 })
}

export function invalidTimeRange(): AwsError {
  return new AwsError('InvalidTimeRangeException', 'Start time must be before end time.', { status: 400 })
}

export function invalidMaxResults(): AwsError {
  return new AwsError('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.', { status: 400 })
}

export function invalidNextToken(): AwsError {
  return new AwsError('InvalidNextTokenException', 'Invalid NextToken: it is not one LookupEvents returned for these parameters.', {
    status: 400,
  })
}
