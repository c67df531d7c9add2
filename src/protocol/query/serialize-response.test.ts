// Query-protocol outputs, byte for byte: result wrapper, <member> lists, <entry> maps, ISO 8601 dates, escaping.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ServiceCatalog, type OperationRef } from '../index.js'

const catalog = new ServiceCatalog({ modelsDir: new URL('../../../models/', import.meta.url).pathname, services: ['iam', 'elbv2'] })

const ref = (service: string, operation: string): OperationRef => ({ service, operation, protocol: 'query', signingName: service, eventSource: `${service}.amazonaws.com` })
const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/'

test('IAM GetRole: wrapper, nested structure, <member> list, whole-second date, escaped text, unmodelled keys dropped', () => {
  const response = catalog.serializeOutput(
    ref('iam', 'GetRole'),
    {
      Role: {
        Path: '/',
        RoleName: 'app',
        RoleId: 'AROAEXAMPLE',
        Arn: 'arn:aws:iam::111122223333:role/app',
        CreateDate: new Date('2024-01-02T03:04:05.678Z'),
        Description: 'a < b & c\r\nd',
        MaxSessionDuration: 3600,
        Tags: [{ Key: 'k', Value: 'v' }],
        NotInTheModel: 'x',
      },
    },
    'rid-1',
  )
  assert.equal(response.status, 200)
  assert.deepEqual(response.headers, { 'content-type': 'text/xml', 'x-amzn-RequestId': 'rid-1' })
  assert.equal(
    response.body,
    `<GetRoleResponse xmlns="${IAM_NS}"><GetRoleResult><Role><Path>/</Path><RoleName>app</RoleName><RoleId>AROAEXAMPLE</RoleId>` +
      '<Arn>arn:aws:iam::111122223333:role/app</Arn><CreateDate>2024-01-02T03:04:05Z</CreateDate><Description>a &lt; b &amp; c&#xD;\nd</Description>' +
      '<MaxSessionDuration>3600</MaxSessionDuration><Tags><member><Key>k</Key><Value>v</Value></member></Tags></Role></GetRoleResult>' +
      '<ResponseMetadata><RequestId>rid-1</RequestId></ResponseMetadata></GetRoleResponse>',
  )
})

test('an operation without output has only ResponseMetadata; an empty list is an empty element', () => {
  assert.equal(
    catalog.serializeOutput(ref('iam', 'DeleteRole'), undefined, 'r').body,
    `<DeleteRoleResponse xmlns="${IAM_NS}"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteRoleResponse>`,
  )
  assert.equal(
    catalog.serializeOutput(ref('iam', 'ListRoles'), { Roles: [], IsTruncated: false }, 'r').body,
    `<ListRolesResponse xmlns="${IAM_NS}"><ListRolesResult><Roles></Roles><IsTruncated>false</IsTruncated></ListRolesResult>` +
      '<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListRolesResponse>',
  )
})

test('maps as <entry><key/><value/></entry>', () => {
  assert.equal(
    catalog.serializeOutput(ref('iam', 'GetAccountSummary'), { SummaryMap: { Users: 3, Roles: 7 } }, 'r').body,
    `<GetAccountSummaryResponse xmlns="${IAM_NS}"><GetAccountSummaryResult><SummaryMap>` +
      '<entry><key>Users</key><value>3</value></entry><entry><key>Roles</key><value>7</value></entry>' +
      '</SummaryMap></GetAccountSummaryResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetAccountSummaryResponse>',
  )
})

test('ELBv2 prints milliseconds and accepts ISO strings or epoch numbers for dates', () => {
  const body = catalog.serializeOutput(
    { ...ref('elbv2', 'DescribeLoadBalancers'), signingName: 'elasticloadbalancing' },
    { LoadBalancers: [{ LoadBalancerName: 'a', CreatedTime: '2016-03-25T21:26:12.92Z' }, { LoadBalancerName: 'b', CreatedTime: 1458941172 }] },
    'r',
  ).body as string
  assert.match(body, /^<DescribeLoadBalancersResponse xmlns="http:\/\/elasticloadbalancing\.amazonaws\.com\/doc\/2015-12-01\/"><DescribeLoadBalancersResult>/)
  assert.ok(body.includes('<member><CreatedTime>2016-03-25T21:26:12.920Z</CreatedTime><LoadBalancerName>a</LoadBalancerName></member>'))
  assert.ok(body.includes('<member><CreatedTime>2016-03-25T21:26:12.000Z</CreatedTime><LoadBalancerName>b</LoadBalancerName></member>'))
})
