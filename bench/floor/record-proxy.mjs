// record-proxy.mjs PORT UPSTREAM_PORT OUT.json — a loopback proxy in front of a running taskrole that keeps, for each
// API action, the first successful answer it relayed; written to OUT.json on SIGTERM. replay-server.mjs serves them.
// The action is the X-Amz-Target header (JSON protocols) or the Action form field (query protocols).
import { writeFileSync } from 'node:fs'
import http from 'node:http'

const [port, upstreamPort, outPath] = process.argv.slice(2)
if (!outPath) {
  console.error('usage: record-proxy.mjs PORT UPSTREAM_PORT OUT.json')
  process.exit(2)
}
const recorded = {}

function actionOf(request, body) {
  return request.headers['x-amz-target'] ?? new URLSearchParams(body.toString('latin1')).get('Action') ?? `${request.method} ${request.url.split('?')[0]}`
}

http
  .createServer((request, response) => {
    const chunks = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      const options = { host: '127.0.0.1', port: Number(upstreamPort), method: request.method, path: request.url, headers: request.headers }
      const upstream = http.request(options, (answer) => {
        const parts = []
        answer.on('data', (part) => parts.push(part))
        answer.on('end', () => {
          const answerBody = Buffer.concat(parts)
          const action = actionOf(request, body)
          if (!recorded[action] && answer.statusCode < 300) {
            recorded[action] = { status: answer.statusCode, contentType: answer.headers['content-type'], body: answerBody.toString('utf8') }
          }
          response.writeHead(answer.statusCode, answer.headers)
          response.end(answerBody)
        })
      })
      upstream.on('error', (error) => {
        response.writeHead(502)
        response.end(String(error))
      })
      upstream.end(body)
    })
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`recording on ${port}`))

process.on('SIGTERM', () => {
  writeFileSync(outPath, JSON.stringify(recorded, null, 1))
  process.exit(0)
})
