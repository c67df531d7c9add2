//! Temporary credentials taskrole issued (AssumeRole, GetSessionToken, task roles): ASIA key -> secret, token, principal.

export interface SessionCredentialRecord {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  expiresAt: string
  /** The session's Principal as JSON (auth/ owns its shape and revives its dates). */
  principal: unknown
}

/** scope '' (global): access key ids are unique across accounts. */
export const SESSION_COLLECTION = 'sts.session-credential'
