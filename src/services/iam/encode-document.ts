//! IAM returns policy documents URL-encoded per RFC 3986 (IAM API Reference, GetRolePolicy: "The policy document
//! returned in this structure is URL-encoded compliant with RFC 3986"); botocore and the CLI decode them.

/** Percent-encodes every character outside RFC 3986's unreserved set (A-Z a-z 0-9 - _ . ~). */
export function encodeDocument(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
}
