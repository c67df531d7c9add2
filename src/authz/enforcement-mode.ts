//! enforce (default): denials fail the call; audit: denials are recorded and the call goes on; off: no evaluation.
export type EnforcementMode = 'enforce' | 'audit' | 'off'

export const ENFORCEMENT_MODES: readonly EnforcementMode[] = ['enforce', 'audit', 'off']

export function isEnforcementMode(value: string): value is EnforcementMode {
  return (ENFORCEMENT_MODES as readonly string[]).includes(value)
}
