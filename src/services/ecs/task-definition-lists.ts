//! ListTaskDefinitions and ListTaskDefinitionFamilies (ECS API Reference): status filters, ASC/DESC, paging.
import type { CallContext } from '../../dispatch/index.js'
import type { TaskDefinitionRecord } from '../../store/index.js'
import { collectionsOf } from './ecs-collections.js'
import { pageOf } from './page-token.js'

interface ListInput {
  familyPrefix?: string
  status?: 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS'
  sort?: 'ASC' | 'DESC'
  nextToken?: string
  maxResults?: number
}

/**
 * `familyPrefix` here is the full family name, despite its name ("Specifying a familyPrefix limits the listed
 * task definitions to task definition revisions that belong to that family"); only ACTIVE ones by default.
 */
export function listTaskDefinitions(input: ListInput, ctx: CallContext): { taskDefinitionArns: string[]; nextToken?: string } {
  const c = collectionsOf(ctx)
  const status = input.status ?? 'ACTIVE'
  const records = c.taskDefinitions
    .list(c.scope, input.familyPrefix !== undefined ? { prefix: `${input.familyPrefix}:` } : {})
    .filter((record) => record.status === status)
    .sort(byFamilyAndRevision)
  if (input.sort === 'DESC') records.reverse()
  const page = pageOf(records, (record) => record.taskDefinitionArn, input)
  return { taskDefinitionArns: page.items.map((record) => record.taskDefinitionArn), nextToken: page.nextToken }
}

function byFamilyAndRevision(a: TaskDefinitionRecord, b: TaskDefinitionRecord): number {
  return a.family < b.family ? -1 : a.family > b.family ? 1 : a.revision - b.revision
}

/**
 * Families whose names begin with `familyPrefix`. ACTIVE (the default): families with an ACTIVE revision;
 * INACTIVE: families with none; ALL: every family.
 */
export function listTaskDefinitionFamilies(
  input: { familyPrefix?: string; status?: 'ACTIVE' | 'INACTIVE' | 'ALL'; nextToken?: string; maxResults?: number },
  ctx: CallContext,
): { families: string[]; nextToken?: string } {
  const c = collectionsOf(ctx)
  const status = input.status ?? 'ACTIVE'
  const families = c.families
    .list(c.scope, input.familyPrefix ? { prefix: input.familyPrefix } : {})
    .map((family) => family.family)
    .filter((family) => {
      const revisions = c.taskDefinitions.list(c.scope, { prefix: `${family}:` }).filter((r) => r.status !== 'DELETE_IN_PROGRESS')
      if (revisions.length === 0) return false
      const active = revisions.some((r) => r.status === 'ACTIVE')
      return status === 'ALL' || (status === 'ACTIVE') === active
    })
  const page = pageOf(families, (family) => family, input)
  return { families: page.items, nextToken: page.nextToken }
}
