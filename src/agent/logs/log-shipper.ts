//! The awslogs driver: tails each container's output file and ships one event per line to CloudWatch Logs with
//! PutLogEvents as the execution role's session, through dispatch. The shipped offset is stored in the same
//! transaction as the events, so a restart neither loses nor repeats a line.
// fs.promises, not node:fs/promises: node loads it at first use, not at every start (a few ms of the budget).
import { promises as fsPromises } from 'node:fs'
import { isAwsError, type Clock } from '../../aws/index.js'
import type { Principal } from '../../auth/index.js'
import type { Collection, Store } from '../../store/index.js'
import type { LogOffsetRecord } from '../agent-records.js'
import type { AgentAwsClient } from '../aws-client.js'

export interface ShippedOutput {
  /** `${taskArn}#${containerName}` */
  key: string
  outputPath: string
  group: string
  stream: string
  region: string
  /** The execution role's current session (refreshed by the agent), or undefined when there is none. */
  principal: () => Principal | undefined
}

export interface LogShipperOptions {
  aws: AgentAwsClient
  store: Store
  offsets: Collection<LogOffsetRecord>
  clock: Clock
  log(line: string): void
  intervalMs?: number
}

// PutLogEvents quotas (moby awslogs: maximumLogEventsPerPut, maximumBytesPerPut, perEventBytes, maximumBytesPerEvent).
const MAX_EVENTS_PER_PUT = 10_000
const MAX_BYTES_PER_PUT = 1_048_576
const PER_EVENT_OVERHEAD = 26
const MAX_EVENT_BYTES = 262_144 - PER_EVENT_OVERHEAD
const READ_CHUNK = 1_048_576
const NEWLINE = 0x0a

interface Tracked {
  output: ShippedOutput
  offset: number
  /** Serializes reads of one file: a flush waits for the tick in progress. */
  queue: Promise<void>
}

interface PendingEvent {
  message: string
  bytes: number
  /** File offset just past this event's line. */
  end: number
}

export class LogShipper {
  private readonly tracked = new Map<string, Tracked>()
  private readonly timer: NodeJS.Timeout
  private closed = false

  constructor(private readonly options: LogShipperOptions) {
    this.timer = setInterval(() => this.tick(), options.intervalMs ?? 200)
    this.timer.unref()
  }

  track(output: ShippedOutput): void {
    if (this.tracked.has(output.key)) return
    const offset = this.options.offsets.get('', output.key)?.offset ?? 0
    this.tracked.set(output.key, { output, offset, queue: Promise.resolve() })
  }

  /** Ships everything in the file; `final` also ships a last line that has no newline (the container exited). */
  flush(key: string, final: boolean): Promise<void> {
    const entry = this.tracked.get(key)
    if (!entry) return Promise.resolve()
    entry.queue = entry.queue
      .then(() => this.ship(entry, final))
      .catch((error) => this.options.log(`agent: shipping ${entry.output.outputPath} failed: ${error instanceof Error ? error.message : String(error)}`))
    return entry.queue
  }

  /** Stops tailing a file and forgets its offset (the task is stopped and flushed). */
  untrack(key: string): void {
    this.tracked.delete(key)
    this.options.store.transaction(() => this.options.offsets.delete('', key))
  }

  /** Stops tailing; resolves once no read or PutLogEvents is in flight (the store may be closed next). */
  async close(): Promise<void> {
    this.closed = true
    clearInterval(this.timer)
    const pending = [...this.tracked.values()].map((entry) => entry.queue)
    this.tracked.clear()
    await Promise.all(pending)
  }

  private tick(): void {
    for (const key of this.tracked.keys()) void this.flush(key, false)
  }

  private async ship(entry: Tracked, final: boolean): Promise<void> {
    for (;;) {
      if (this.closed || !this.tracked.has(entry.output.key)) return
      const chunk = await readFrom(entry.output.outputPath, entry.offset)
      if (chunk.length === 0 || this.closed || !this.tracked.has(entry.output.key)) return
      const full = chunk.length === READ_CHUNK
      // An unterminated last line waits for its newline, unless the container has exited or the line alone
      // fills a whole read.
      const events = splitLines(chunk, entry.offset, final || (full && chunk.indexOf(NEWLINE) === -1))
      if (events.length === 0) return
      if (!this.put(entry, events) || !full) return
    }
  }

  /** Sends events in PutLogEvents-sized batches; each batch and its offset commit together. False when nothing
   *  could be sent (no execution-role session at hand): the lines stay for a later attempt. */
  private put(entry: Tracked, events: PendingEvent[]): boolean {
    let batch: PendingEvent[] = []
    let bytes = 0
    for (const event of events) {
      if (batch.length === MAX_EVENTS_PER_PUT || bytes + event.bytes + PER_EVENT_OVERHEAD > MAX_BYTES_PER_PUT) {
        if (!this.send(entry, batch)) return false
        batch = []
        bytes = 0
      }
      batch.push(event)
      bytes += event.bytes + PER_EVENT_OVERHEAD
    }
    return this.send(entry, batch)
  }

  private send(entry: Tracked, batch: PendingEvent[]): boolean {
    const { output } = entry
    const end = batch[batch.length - 1]!.end
    const principal = output.principal()
    if (!principal) return false
    const timestamp = this.options.clock.now().getTime()
    const logEvents = batch.filter((e) => e.message !== '').map((e) => ({ timestamp, message: e.message }))
    this.options.store.transaction(() => {
      if (logEvents.length) {
        try {
          this.options.aws.call({
            service: 'logs',
            operation: 'PutLogEvents',
            input: { logGroupName: output.group, logStreamName: output.stream, logEvents },
            principal,
            region: output.region,
          })
        } catch (error) {
          if (!isAwsError(error)) throw error
          // As the awslogs driver does, a rejected batch is reported and dropped: the task goes on.
          this.options.log(`agent: PutLogEvents to ${output.group}/${output.stream} failed, ${logEvents.length} lines dropped: ${error.code}: ${error.message}`)
        }
      }
      this.options.offsets.put('', output.key, { offset: end })
    })
    entry.offset = end
    return true
  }
}

async function readFrom(path: string, offset: number): Promise<Buffer> {
  let handle
  try {
    handle = await fsPromises.open(path, 'r')
  } catch {
    return Buffer.alloc(0)
  }
  try {
    const buffer = Buffer.alloc(READ_CHUNK)
    const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, offset)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * One event per line, without its newline; empty lines become empty events (the offset moves past them, no event
 * is sent). `takeTail` also emits an unterminated last line. Lines longer than an event's maximum are split.
 */
export function splitLines(chunk: Buffer, startOffset: number, takeTail: boolean): PendingEvent[] {
  const events: PendingEvent[] = []
  let start = 0
  for (;;) {
    const newline = chunk.indexOf(NEWLINE, start)
    const stop = newline === -1 ? chunk.length : newline
    if (newline === -1 && !takeTail) break
    if (newline === -1 && start === chunk.length) break
    for (let from = start; ; ) {
      const to = Math.min(stop, from + MAX_EVENT_BYTES)
      const isLast = to === stop
      events.push({ message: chunk.toString('utf8', from, to), bytes: to - from, end: startOffset + (isLast && newline !== -1 ? stop + 1 : to) })
      from = to
      if (isLast) break
    }
    if (newline === -1) break
    start = newline + 1
  }
  return events
}
