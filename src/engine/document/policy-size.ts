//! Policy size as IAM counts it against its quotas: "IAM doesn't count white space when calculating the
//! size of a policy against these limits" (IAM User Guide, "IAM and AWS STS quotas").

/** Characters other than JSON whitespace (space, tab, line feed, carriage return), wherever they are. */
export function policySize(text: string): number {
  let size = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) size++
  }
  return size
}
