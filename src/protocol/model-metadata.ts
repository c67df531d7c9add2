//! Reads only the `metadata` block at the head of a model file, so start-up indexes every service without
//! parsing 2 MB of shapes (ec2.json alone is 1 MB; it is loaded when the first EC2 request arrives).
import { closeSync, openSync, readFileSync, readSync } from 'node:fs'
import { join } from 'node:path'

/** botocore service-2.json `metadata`: the fields taskrole routes and renders by. */
export interface ModelMetadata {
  apiVersion: string
  endpointPrefix: string
  protocol: string
  jsonVersion?: string
  targetPrefix?: string
  signingName?: string
  xmlNamespace?: string
  serviceId?: string
}

const HEAD_BYTES = 16 * 1024

export function modelPath(modelsDir: string, service: string): string {
  return join(modelsDir, `${service}.json`)
}

/** scripts/import-models.ts writes `{"version":…,"metadata":{…},…}`; anything else falls back to a full parse. */
export function readModelMetadata(modelsDir: string, service: string): ModelMetadata {
  const path = modelPath(modelsDir, service)
  const fd = openSync(path, 'r')
  let head: string
  try {
    const buffer = Buffer.alloc(HEAD_BYTES)
    const read = readSync(fd, buffer, 0, HEAD_BYTES, 0)
    head = buffer.toString('utf8', 0, read)
  } finally {
    closeSync(fd)
  }
  const block = extractObject(head, '"metadata":')
  const metadata = block ? (JSON.parse(block) as ModelMetadata) : (JSON.parse(readFileSync(path, 'utf8')).metadata as ModelMetadata)
  if (!metadata || typeof metadata.apiVersion !== 'string') throw new Error(`model ${path} has no metadata`)
  return metadata
}

/** The balanced `{…}` after `key`, skipping braces inside JSON strings; undefined when the head cuts it off. */
function extractObject(text: string, key: string): string | undefined {
  const at = text.indexOf(key)
  if (at < 0) return undefined
  const start = text.indexOf('{', at + key.length)
  if (start < 0) return undefined
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92 /* \ */) i++
      else if (c === 34 /* " */) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 /* { */) depth++
    else if (c === 125 /* } */ && --depth === 0) return text.slice(start, i + 1)
  }
  return undefined
}
