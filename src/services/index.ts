//! Every service taskrole serves; app.ts registers them with dispatch (which never imports services/).
import type { ServiceDefinition } from '../dispatch/index.js'
import { cloudtrailService } from './cloudtrail/index.js'
import { iamService } from './iam/index.js'
import { logsService } from './logs/index.js'
import { stsService } from './sts/index.js'

/** What services need from the rest of the process, handed in by app.ts (e.g. the agent's wake-up calls). */
export interface ServiceHooks {
  /** A task was stored as PROVISIONING or asked to stop: the agent should look at it. */
  taskChanged(taskArn: string): void
}

export function buildServices(_hooks: ServiceHooks): ServiceDefinition[] {
  return [iamService, stsService, cloudtrailService, logsService]
}

/** The models the protocol layer serves (a request for another service is answered as unknown). */
export const SERVED_MODELS = ['iam', 'sts', 'cloudtrail', 'ecs', 'logs', 'ecr', 'secretsmanager', 'ssm', 'kms', 'ec2']
