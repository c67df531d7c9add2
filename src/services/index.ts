//! Every service taskrole serves; app.ts registers them with dispatch (which never imports services/).
import type { ServiceDefinition } from '../dispatch/index.js'
import { cloudtrailService } from './cloudtrail/index.js'
import { ec2Service } from './ec2/index.js'
import { createEcrService } from './ecr/index.js'
import { createEcsService } from './ecs/index.js'
import { iamService } from './iam/index.js'
import { kmsService } from './kms/index.js'
import { logsService } from './logs/index.js'
import { secretsManagerService } from './secretsmanager/index.js'
import { ssmService } from './ssm/index.js'
import { stsService } from './sts/index.js'

/** What services need from the rest of the process, handed in by app.ts (e.g. the agent's wake-up calls). */
export interface ServiceHooks {
  /** A task was stored as PROVISIONING or asked to stop: the agent should look at it. */
  taskChanged(taskArn: string): void
  /** taskrole's own endpoint (ECR layer download URLs point at it). */
  endpoint(): string
}

export function buildServices(hooks: ServiceHooks): ServiceDefinition[] {
  return [
    iamService,
    stsService,
    cloudtrailService,
    logsService,
    createEcsService({ taskChanged: (taskArn) => hooks.taskChanged(taskArn) }),
    createEcrService({ downloadUrlBase: () => hooks.endpoint() }),
    kmsService,
    secretsManagerService,
    ssmService,
    ec2Service,
  ]
}

/** The models the protocol layer serves (a request for another service is answered as unknown). */
export const SERVED_MODELS = ['iam', 'sts', 'cloudtrail', 'ecs', 'logs', 'ecr', 'secretsmanager', 'ssm', 'kms', 'ec2']
