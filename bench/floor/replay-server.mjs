// replay-server.mjs PORT RECORDING.json [--raw] — the cheapest server the api-bench workload can run against: it
// answers every request with the answer recorded for its action (record-proxy.mjs) and does nothing else (no
// signature check, no policy, no storage, no audit, no processes). Its CPU on the workload is the floor under any
// server built the same way. By default it uses node:http, as taskrole does; --raw answers straight from the TCP
// socket with the least HTTP/1.1 parsing that works for these clients (keep-alive, Content-Length bodies), to show
// what node:http's own layer costs. Benchmark use only: it is not a server anyone should use.
import { readFileSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'

const [port, recordingPath, mode] = process.argv.slice(2)
if (!recordingPath) {
  console.error('usage: replay-server.mjs PORT RECORDING.json [--raw]')
  process.exit(2)
}
const recorded = JSON.parse(readFileSync(recordingPath, 'utf8'))
const FALLBACK = { status: 200, contentType: 'text/plain', body: 'ok' }

function queryAction(body) {
  const match = /(?:^|&)Action=([^&]*)/.exec(body)
  return match ? match[1] : undefined
}

function serveWithNodeHttp() {
  return http.createServer((request, response) => {
    const chunks = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.on('end', () => {
      const action = request.headers['x-amz-target'] ?? queryAction(Buffer.concat(chunks).toString('latin1'))
      const answer = recorded[action] ?? FALLBACK
      response.writeHead(answer.status, { 'content-type': answer.contentType, 'x-amzn-RequestId': '00000000-0000-4000-8000-000000000000' })
      response.end(answer.body)
    })
  })
}

function serveRaw() {
  const wire = new Map()
  for (const [action, answer] of [...Object.entries(recorded), ['', FALLBACK]]) {
    const body = Buffer.from(answer.body)
    const head = `HTTP/1.1 ${answer.status} OK\r\ncontent-type: ${answer.contentType}\r\nx-amzn-RequestId: 00000000-0000-4000-8000-000000000000\r\ncontent-length: ${body.length}\r\n\r\n`
    wire.set(action, Buffer.concat([Buffer.from(head), body]))
  }
  return net.createServer((socket) => {
    let pending = Buffer.alloc(0)
    socket.on('error', () => {})
    socket.on('data', (chunk) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
      for (;;) {
        const headEnd = pending.indexOf('\r\n\r\n')
        if (headEnd < 0) return
        const head = pending.subarray(0, headEnd).toString('latin1')
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0)
        if (pending.length < headEnd + 4 + length) return
        const body = pending.subarray(headEnd + 4, headEnd + 4 + length).toString('latin1')
        pending = pending.subarray(headEnd + 4 + length)
        const action = /\r\nx-amz-target: *([^\r]*)/i.exec(head)?.[1] ?? queryAction(body) ?? ''
        socket.write(wire.get(action) ?? wire.get(''))
      }
    })
  })
}

const server = mode === '--raw' ? serveRaw() : serveWithNodeHttp()
server.listen(Number(port), '127.0.0.1', () => console.log(`replaying on ${port}`))
process.on('SIGTERM', () => process.exit(0))
