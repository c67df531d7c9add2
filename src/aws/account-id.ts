//! AWS account ids are exactly 12 digits (IAM User Guide, "AWS account identifiers").

const ACCOUNT_ID = /^\d{12}$/

export function isAccountId(text: string): boolean {
  return ACCOUNT_ID.test(text)
}
