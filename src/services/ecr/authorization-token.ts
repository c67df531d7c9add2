//! GetAuthorizationToken (ECR API Reference): one AuthorizationData per registry asked for (default: the caller's),
//! each `base64("AWS:<password>")`, valid 12 hours, with the registry's proxyEndpoint. The password has the shape of
//! ECR's (base64 JSON of payload, datakey, version, type, expiration); taskrole runs no registry that checks it.
import { randomBytes } from 'node:crypto'
import type { CallContext } from '../../dispatch/index.js'
import { proxyEndpoint, registryOf } from './arns.js'

/** "The authorization token is valid for 12 hours." */
export const TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000

interface GetAuthorizationTokenInput {
  registryIds?: string[]
}

function password(expiresAt: Date): string {
  const body = {
    payload: randomBytes(48).toString('base64'),
    datakey: randomBytes(32).toString('base64'),
    version: '2',
    type: 'DATA_KEY',
    expiration: Math.floor(expiresAt.getTime() / 1000),
  }
  return Buffer.from(JSON.stringify(body)).toString('base64')
}

function getAuthorizationToken(input: GetAuthorizationTokenInput, ctx: CallContext) {
  const expiresAt = new Date(ctx.now.getTime() + TOKEN_LIFETIME_MS)
  const registryIds = input.registryIds?.length ? input.registryIds : [ctx.accountId]
  const authorizationData = registryIds.map((registryId) => ({
    authorizationToken: Buffer.from(`AWS:${password(expiresAt)}`).toString('base64'),
    expiresAt,
    proxyEndpoint: proxyEndpoint(registryOf(ctx, registryId)),
  }))
  // The token is a credential: the trail records the call, not the token.
  ctx.audit.responseElements = { authorizationData: authorizationData.map((data) => ({ ...data, authorizationToken: 'HIDDEN_DUE_TO_SECURITY_REASONS' })) }
  return { authorizationData }
}

export const authorizationTokenHandlers = { GetAuthorizationToken: getAuthorizationToken }
