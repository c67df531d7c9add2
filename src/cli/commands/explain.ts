//! `taskrole explain <event-id> | --last-denied`: why a call was allowed or denied, statement by statement.
import type { Command } from 'commander'
import { renderExplanation, type Decision } from '../../engine/index.js'

interface ExplainedDecision {
  action: string
  resource: string
  decision: string
  permitted: boolean
  evaluated?: false
  denialReason?: string
  denialMessage?: string
  /** Kept for decisions that were not allowed; an allowed one keeps its matched statements only. */
  explanation?: Decision['explanation']
  matchedStatements: Decision['matchedStatements']
  missingContextValues: string[]
}

export function registerExplainCommand(program: Command): void {
  program
    .command('explain [event-id]')
    .description('explain the authorization decisions of a recorded call')
    .option('--last-denied', 'the most recent denied call')
    .option('--endpoint <url>', 'a running taskrole', process.env.TASKROLE_ENDPOINT ?? process.env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4599')
    .option('--json', 'print the raw JSON')
    .action(async (eventId: string | undefined, options) => {
      if (!eventId && !options.lastDenied) throw new Error('give an event id or --last-denied')
      const id = options.lastDenied ? 'last-denied' : encodeURIComponent(eventId!)
      const response = await fetch(`${options.endpoint.replace(/\/$/, '')}/_taskrole/explain/${id}`)
      const body = (await response.json()) as { message?: string; eventId: string; eventName: string; eventSource: string; eventTime: string; decision: string; record: Record<string, any>; decisions: ExplainedDecision[] }
      if (!response.ok) throw new Error(body.message ?? `the server answered ${response.status}`)
      if (options.json) {
        process.stdout.write(JSON.stringify(body, null, 2) + '\n')
        return
      }
      const who = body.record.userIdentity?.arn ?? body.record.userIdentity?.invokedBy ?? 'unknown'
      const lines = [`event ${body.eventId}: ${body.eventSource.split('.')[0]}:${body.eventName} by ${who} at ${body.eventTime}: ${body.decision}`]
      if (body.record.errorCode) lines.push(`  error: ${body.record.errorCode}: ${body.record.errorMessage}`)
      if (!body.decisions.length) lines.push('  no authorization was needed for this call')
      for (const decision of body.decisions) {
        lines.push(`  ${decision.action} on ${decision.resource}: ${decision.decision}${decision.permitted && decision.decision !== 'allowed' ? ' (let through: audit mode)' : ''}`)
        // The caller's error already shows the message when this decision failed the call; audit mode has no error.
        if (decision.denialMessage && decision.denialMessage !== body.record.errorMessage) lines.push(`    ${decision.denialMessage}`)
        for (const line of decisionLines(decision, body.record)) lines.push(`    ${line}`)
      }
      process.stdout.write(lines.join('\n') + '\n')
    })
}

/** The engine's rendering where the whole explanation was kept; otherwise what allowed the call. */
function decisionLines(decision: ExplainedDecision, record: Record<string, any>): string[] {
  if (decision.evaluated === false) return ['not evaluated: enforcement is off']
  if (decision.explanation !== undefined || decision.decision !== 'allowed') return renderExplanation(decision as unknown as Decision)
  if (!decision.matchedStatements.length) {
    return [record.userIdentity?.type === 'Root' ? 'allowed: the account\'s root user needs no policy in its own account' : 'allowed']
  }
  return decision.matchedStatements.map(
    (statement) =>
      `allowed by the statement at line ${statement.startPosition.line}, column ${statement.startPosition.column} of ` +
      `${statement.sourcePolicyType} policy \`${statement.sourcePolicyId}\``,
  )
}
