// Starts the built taskrole on a free loopback port, sends what a first client sends (a health check, an unsigned
// GET / as readiness probes send, a signed sts:GetCallerIdentity, a signed IAM and a JSON-protocol call), stops it, and lets it write V8's code cache of
// everything that ran (src/boot/cli.ts, TASKROLE_WRITE_CODE_CACHE).
import { Sha256 } from '@aws-crypto/sha256-js'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import { spawn } from 'node:child_process'
import { request } from 'node:http'

export async function writeCodeCache({ cli, cache, dataDir }) {
  const server = spawn(process.execPath, [cli, 'start', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, TASKROLE_WRITE_CODE_CACHE: cache },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)))
  try {
    const port = await listeningPort(server)
    await send(port, 'GET', '/_taskrole/health', {}, '')
    await send(port, 'GET', '/', {}, '')
    await signed(port, 'sts', 'application/x-www-form-urlencoded; charset=utf-8', 'Action=GetCallerIdentity&Version=2011-06-15')
    await signed(port, 'iam', 'application/x-www-form-urlencoded; charset=utf-8', 'Action=ListRoles&Version=2010-05-08')
    await signed(port, 'ecs', 'application/x-amz-json-1.1', '{}', 'AmazonEC2ContainerServiceV20141113.ListClusters')
  } finally {
    server.kill('SIGTERM')
  }
  const code = await exited
  if (code !== 0) throw new Error(`the warm-up server exited with ${code}`)
}

function listeningPort(server) {
  return new Promise((resolve, reject) => {
    let text = ''
    const timer = setTimeout(() => reject(new Error('the warm-up server did not start within 30 s')), 30_000)
    server.stderr.setEncoding('utf8')
    server.stderr.on('data', (chunk) => {
      text += chunk
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(text)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    server.once('exit', (code) => reject(new Error(`the warm-up server exited with ${code}: ${text.trim()}`)))
  })
}

async function signed(port, service, contentType, body, target) {
  const signer = new SignatureV4({ service, region: 'us-east-1', credentials: { accessKeyId: '000000000000', secretAccessKey: 'test' }, sha256: Sha256 })
  const headers = { host: `127.0.0.1:${port}`, 'content-type': contentType, ...(target ? { 'x-amz-target': target } : {}) }
  const signedRequest = await signer.sign(new HttpRequest({ method: 'POST', protocol: 'http:', hostname: '127.0.0.1', port, path: '/', headers, body }))
  await send(port, 'POST', '/', signedRequest.headers, body)
}

function send(port, method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode))
    })
    req.on('error', reject)
    req.end(body)
  })
}
