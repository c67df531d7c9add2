import assert from 'node:assert/strict'
import { test } from 'node:test'
import { containerEnvironment, mergeEnvironment } from './container-environment.js'

const base = {
  host: {
    PATH: '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: 'AKIAHOST',
    AWS_SECRET_ACCESS_KEY: 'host',
    AWS_PROFILE: 'host',
    AWS_CONFIG_FILE: '/host/.aws/config',
    TASKROLE_PORT: '4599',
    HOME: '/root',
  },
  homeDir: '/data/agent/tasks/t/app/home',
  environment: [{ name: 'GREETING', value: 'hi' }],
  secrets: { DB_PASSWORD: 's3cret' },
  region: 'eu-west-1',
  launchType: 'FARGATE' as const,
  agentEndpoint: 'http://127.0.0.1:40123',
  endpointId: 'abc-1',
  credentials: { id: 'cred-id', token: 'tok' },
  apiEndpoint: 'http://127.0.0.1:4599',
}

test('exactly the clean base, the container variables and secrets, and what the agent injects', () => {
  assert.deepEqual(containerEnvironment(base), {
    PATH: '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    GREETING: 'hi',
    DB_PASSWORD: 's3cret',
    HOME: '/data/agent/tasks/t/app/home',
    AWS_REGION: 'eu-west-1',
    AWS_DEFAULT_REGION: 'eu-west-1',
    AWS_EXECUTION_ENV: 'AWS_ECS_FARGATE',
    ECS_CONTAINER_METADATA_URI: 'http://127.0.0.1:40123/v3/abc-1',
    ECS_CONTAINER_METADATA_URI_V4: 'http://127.0.0.1:40123/v4/abc-1',
    AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1:40123/v2/credentials/cred-id',
    AWS_CONTAINER_AUTHORIZATION_TOKEN: 'tok',
    AWS_ENDPOINT_URL: 'http://127.0.0.1:4599',
  })
})

test('no task role: no credentials variables; EC2: AWS_ECS_EC2', () => {
  const env = containerEnvironment({ ...base, credentials: undefined, launchType: 'EC2' })
  assert.equal(env.AWS_CONTAINER_CREDENTIALS_FULL_URI, undefined)
  assert.equal(env.AWS_CONTAINER_AUTHORIZATION_TOKEN, undefined)
  assert.equal(env.AWS_EXECUTION_ENV, 'AWS_ECS_EC2')
})

test('a region or endpoint the task sets itself is kept; HOME is always the container directory', () => {
  const env = containerEnvironment({
    ...base,
    environment: [
      { name: 'AWS_DEFAULT_REGION', value: 'us-west-2' },
      { name: 'AWS_ENDPOINT_URL', value: 'http://elsewhere:1' },
      { name: 'HOME', value: '/root' },
    ],
  })
  assert.equal(env.AWS_DEFAULT_REGION, 'us-west-2')
  assert.equal(env.AWS_REGION, undefined)
  assert.equal(env.AWS_ENDPOINT_URL, 'http://elsewhere:1')
  assert.equal(env.HOME, base.homeDir)
})

test('container overrides replace same-named variables and add the others', () => {
  assert.deepEqual(
    mergeEnvironment(
      [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ],
      [
        { name: 'B', value: 'two' },
        { name: 'C', value: '3' },
      ],
    ),
    [
      { name: 'A', value: '1' },
      { name: 'B', value: 'two' },
      { name: 'C', value: '3' },
    ],
  )
})
