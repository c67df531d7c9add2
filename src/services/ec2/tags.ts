//! Tags on EC2 resources: TagSpecifications on create (each for the resource type the call creates), the
//! aws:RequestTag/* and aws:TagKeys condition keys they bring, and aws:ResourceTag/* of existing resources
//! (EC2 User Guide, "Tag your resources"; "Grant permission to tag resources during creation").
import { AwsError } from '../../aws/index.js'
import type { AuthorizationRequirement } from '../../dispatch/index.js'
import type { Ec2Tag } from '../../store/index.js'
import { invalidParameterValue } from './errors.js'

type Context = NonNullable<AuthorizationRequirement['context']>

export interface TagSpecification {
  ResourceType?: string
  Tags?: Ec2Tag[]
}

/** The tags a create call asks for its resource type; a specification for another type is refused. */
export function requestedTags(specifications: TagSpecification[] | undefined, resourceType: string): Ec2Tag[] {
  const tags: Ec2Tag[] = []
  for (const specification of specifications ?? []) {
    if (specification.ResourceType !== resourceType) {
      throw invalidParameterValue(`'${specification.ResourceType ?? 'null'}' is not a valid taggable resource type for this operation.`)
    }
    for (const tag of specification.Tags ?? []) {
      if (tag.Key.toLowerCase().startsWith('aws:')) throw new AwsError('InvalidParameterValue', "Tag keys starting with 'aws:' are reserved for internal use")
      tags.push({ Key: tag.Key, Value: tag.Value ?? '' })
    }
  }
  return tags
}

export function requestTagContext(specifications: TagSpecification[] | undefined): Context {
  const tags = (specifications ?? []).flatMap((specification) => specification.Tags ?? [])
  if (!tags.length) return {}
  const context: Context = { 'aws:TagKeys': tags.map((tag) => tag.Key) }
  for (const tag of tags) context[`aws:RequestTag/${tag.Key}`] = tag.Value ?? ''
  return context
}

export function resourceTagContext(tags: Ec2Tag[] | undefined): Context {
  const context: Context = {}
  for (const tag of tags ?? []) context[`aws:ResourceTag/${tag.Key}`] = tag.Value
  return context
}

/** EC2 answers `Tags` only when there are some. */
export function tagsOutput(tags: Ec2Tag[]): Ec2Tag[] | undefined {
  return tags.length ? tags : undefined
}
