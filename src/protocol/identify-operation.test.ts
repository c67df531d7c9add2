// Routing a request to (service, operation): X-Amz-Target, Action + Version, the SigV4 scope; AWS's answers when
// none matches; ec2.json stays unread until an EC2 request needs it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ServiceCatalog, type RawHttpRequest } from './index.js'

const MODELS = new URL('../../models/', import.meta.url).pathname
const ALL = ['iam', 'sts', 'cloudtrail', 'ecs', 'logs', 'ecr', 'secretsmanager', 'ssm', 'kms', 'ec2', 'elbv2']

function form(body: string, headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }): RawHttpRequest {
  return { method: 'POST', path: '/', query: '', headers, body: Buffer.from(body) }
}

function target(value: string): RawHttpRequest {
  return { method: 'POST', path: '/', query: '', headers: { 'x-amz-target': value, 'content-type': 'application/x-amz-json-1.1' }, body: Buffer.from('{}') }
}

function awsError(fn: () => unknown): { code: string; message: string; status: number } {
  try {
    fn()
  } catch (error) {
    const { code, message, status } = error as { code: string; message: string; status: number }
    return { code, message, status }
  }
  assert.fail('expected an AwsError')
}

test('json services by X-Amz-Target, including prefixes with dots; signing name and eventSource from metadata', () => {
  const catalog = new ServiceCatalog({ modelsDir: MODELS, services: ALL })
  assert.deepEqual(catalog.identify(target('AmazonEC2ContainerServiceV20141113.RunTask')), {
    service: 'ecs',
    operation: 'RunTask',
    protocol: 'json',
    signingName: 'ecs',
    eventSource: 'ecs.amazonaws.com',
  })
  assert.equal(catalog.identify(target('com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents')).service, 'cloudtrail')
  // ECR's endpoint prefix is api.ecr, but it signs and logs as ecr
  const ecr = catalog.identify(target('AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken'))
  assert.equal(ecr.signingName, 'ecr')
  assert.equal(ecr.eventSource, 'ecr.amazonaws.com')
  assert.equal(catalog.identify(target('Logs_20140328.PutLogEvents')).eventSource, 'logs.amazonaws.com')
})

test('query services by Action + Version, or by the signing scope when Version alone cannot tell', () => {
  const catalog = new ServiceCatalog({ modelsDir: MODELS, services: ALL })
  assert.deepEqual(catalog.identify(form('Action=GetRole&Version=2010-05-08&RoleName=r')), {
    service: 'iam',
    operation: 'GetRole',
    protocol: 'query',
    signingName: 'iam',
    eventSource: 'iam.amazonaws.com',
  })
  assert.equal(catalog.identify(form('Action=AssumeRole&Version=2011-06-15'), 'sts').service, 'sts')
  const elb = catalog.identify(form('Action=DescribeLoadBalancers&Version=2015-12-01'), 'elasticloadbalancing')
  assert.equal(elb.service, 'elbv2')
  assert.equal(elb.eventSource, 'elasticloadbalancing.amazonaws.com')
  // GET with the parameters in the URL
  assert.equal(catalog.identify({ method: 'GET', path: '/', query: 'Action=GetCallerIdentity&Version=2011-06-15', headers: {}, body: Buffer.alloc(0) }).service, 'sts')
})

test('unknown actions and targets get AWS answers, never a 500', () => {
  const catalog = new ServiceCatalog({ modelsDir: MODELS, services: ALL })
  assert.deepEqual(awsError(() => catalog.identify(form('Action=GetRoll&Version=2010-05-08'), 'iam')), {
    code: 'InvalidAction',
    status: 400,
    message: 'Could not find operation GetRoll for version 2010-05-08',
  })
  // right action, wrong version for the service the request was signed for
  assert.equal(awsError(() => catalog.identify(form('Action=GetRole&Version=2011-06-15'), 'iam')).message, 'Could not find operation GetRole for version 2011-06-15')
  assert.deepEqual(awsError(() => catalog.identify(form('Action=LaunchRocket&Version=2016-11-15'), 'ec2')), {
    code: 'InvalidAction',
    status: 400,
    message: 'The action LaunchRocket is not valid for this web service.',
  })
  assert.equal(awsError(() => catalog.identify(form('Version=2010-05-08'))).code, 'MissingAction')
  assert.deepEqual(awsError(() => catalog.identify(target('AmazonEC2ContainerServiceV20141113.LaunchRocket'))), { code: 'UnknownOperationException', status: 400, message: '' })
  assert.equal(awsError(() => catalog.identify(target('NoSuchService_20990101.Anything'))).code, 'UnknownOperationException')
  assert.equal(awsError(() => catalog.identify(form('{}', { 'content-type': 'application/x-amz-json-1.1' }), 'ecs')).code, 'UnknownOperationException')
})

test('guessProtocol picks the answer format when identify failed', () => {
  const catalog = new ServiceCatalog({ modelsDir: MODELS, services: ALL })
  assert.equal(catalog.guessProtocol(target('Whatever.X')), 'json')
  assert.equal(catalog.guessProtocol(form('Action=X&Version=2016-11-15')), 'ec2')
  assert.equal(catalog.guessProtocol(form('Action=X&Version=2010-05-08')), 'query')
  assert.equal(catalog.guessProtocol(form(''), 'kms'), 'json')
  assert.equal(catalog.guessProtocol(form('Action=X')), 'query')
})

test('models load lazily: ec2.json is read only when an EC2 request arrives', () => {
  const catalog = new ServiceCatalog({ modelsDir: MODELS, services: ALL })
  catalog.identify(form('Action=GetRole&Version=2010-05-08'), 'iam')
  catalog.identify(target('AmazonEC2ContainerServiceV20141113.RunTask'))
  assert.equal(catalog.model('iam').loaded, true)
  assert.equal(catalog.model('ec2').loaded, false)
  assert.equal(catalog.model('ssm').loaded, false)
  catalog.identify(form('Action=DescribeSubnets&Version=2016-11-15'))
  assert.equal(catalog.model('ec2').loaded, true)
})

test('a service that is not served is not routed to', () => {
  const catalog = new ServiceCatalog({ modelsDir: MODELS, services: ['iam'] })
  assert.equal(awsError(() => catalog.identify(target('AmazonEC2ContainerServiceV20141113.RunTask'))).code, 'UnknownOperationException')
  assert.deepEqual(catalog.services(), ['iam'])
  assert.throws(() => catalog.model('ecs'), /not served/)
})
