//! Task credentials are replaced well before they expire, under the same credentials id and token, by a new
//! AssumeRole as ecs-tasks.amazonaws.com that CloudTrail records; an SDK inside the task follows without an error
//! (MISSION §1: "SDKs refresh them before Expiration"). A short --task-credential-seconds makes it observable.
import assert from 'node:assert/strict'
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail'
import { after, before, test } from 'node:test'
import { newAccount } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { logLines, runFargateTask, taskId, taskWorld, waitForTask } from './agent-kit.js'

// Short enough that the agent re-assumes every LIFETIME/2 s, a few times while the task below runs.
const LIFETIME = 12
let server: TaskroleProcess

before(async () => {
  server = await startTaskrole({ extraArgs: ['--task-credential-seconds', String(LIFETIME)] })
})
after(async () => {
  await server.stop()
})

/** boto3 calls STS every half second for 12 s; botocore re-reads the endpoint whenever < 10 min remain (here: always). */
const PYTHON = `
import json, time, urllib.request, os, boto3
session = boto3.session.Session()
sts = session.client("sts")
request = urllib.request.Request(os.environ["AWS_CONTAINER_CREDENTIALS_FULL_URI"], headers={"Authorization": os.environ["AWS_CONTAINER_AUTHORIZATION_TOKEN"]})
end = time.time() + 12
while time.time() < end:
    served = json.loads(urllib.request.urlopen(request).read())
    try:
        arn = sts.get_caller_identity()["Arn"]
    except Exception as error:
        arn = "ERR " + str(error).replace("\\n", " ")
    used = session.get_credentials().get_frozen_credentials().access_key
    print("TICK", int(time.time()), served["AccessKeyId"], served["Expiration"], used, arn, flush=True)
    time.sleep(0.5)
`

test('credentials rotate before expiry under the same id; boto3 in the task keeps working throughout', async () => {
  const world = await taskWorld(server.endpoint, newAccount())
  const taskArn = await runFargateTask(world, [{ name: 'rotating', entryPoint: ['python3', '-c'], command: [PYTHON] }])
  const task = await waitForTask(world, taskArn, 'STOPPED', 180)
  assert.equal(task.containers![0]!.exitCode, 0, task.containers![0]!.reason)

  const ticks = (await logLines(world, taskArn, 'rotating'))
    .filter((l) => l.startsWith('TICK '))
    .map((l) => {
      const [, at, served, expiration, used, ...arn] = l.split(' ')
      return { at: Number(at), served: served!, expiration: expiration!, used: used!, arn: arn.join(' ') }
    })
  assert.ok(ticks.length >= 8, `ticks: ${ticks.length}`)
  for (const tick of ticks) {
    assert.equal(tick.arn, `arn:aws:sts::${world.clients.account}:assumed-role/${world.taskRole.name}/${taskId(taskArn)}`)
    // Served credentials are never about to expire: at least a quarter of the lifetime is left.
    const left = Date.parse(tick.expiration) / 1000 - tick.at
    assert.ok(left >= LIFETIME / 4 - 2 && left <= LIFETIME + 1, `seconds left ${left}`)
  }
  const served = new Set(ticks.map((t) => t.served))
  assert.ok(served.size >= 2, 'the keys were replaced during the run')
  assert.ok(new Set(ticks.map((t) => t.used)).size >= 2, 'boto3 picked up the new keys')

  // Each rotation is an AssumeRole by ecs-tasks.amazonaws.com, recorded like any call.
  const trail = new CloudTrailClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: world.clients.account, secretAccessKey: 'test' } })
  const events = await trail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AssumeRole' }], MaxResults: 50 }))
  const forTaskRole = (events.Events ?? [])
    .map((e) => JSON.parse(e.CloudTrailEvent!))
    .filter((e) => e.requestParameters?.roleArn === world.taskRole.arn && e.requestParameters?.roleSessionName === taskId(taskArn))
  assert.ok(forTaskRole.length >= 2, `AssumeRole events for the task role: ${forTaskRole.length}`)
  for (const event of forTaskRole) assert.deepEqual(event.userIdentity, { type: 'AWSService', invokedBy: 'ecs-tasks.amazonaws.com' })
})
