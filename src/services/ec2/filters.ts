//! Describe* filters (EC2 API Reference, "Filter"): a resource matches when, for every filter, one of its values for
//! the filter's name matches one of the filter's values (`*` and `?` wildcards). `tag:<key>` and `tag-key` work on
//! every resource; an unknown name is refused with EC2's error for that call.
import type { Ec2Tag } from '../../store/index.js'
import { invalidFilter } from './errors.js'

export interface Filter {
  Name?: string
  Values?: string[]
}

/** A resource's values for each filter name it supports. */
export type FilterFields = Record<string, string | string[] | boolean | undefined>

export function matchesFilters(
  filters: Filter[] | undefined,
  fields: FilterFields,
  tags: Ec2Tag[],
  errorCode: 'InvalidParameterValue' | 'InvalidFilter' = 'InvalidParameterValue',
): boolean {
  for (const filter of filters ?? []) {
    const name = filter.Name ?? ''
    const values = resourceValues(name, fields, tags)
    if (values === undefined) throw invalidFilter(name, errorCode)
    const wanted = filter.Values ?? []
    if (!wanted.some((pattern) => values.some((value) => wildcard(pattern).test(value)))) return false
  }
  return true
}

/** Checks the names alone (a call with nothing to filter still refuses an unknown filter). */
export function checkFilterNames(filters: Filter[] | undefined, known: FilterFields, errorCode: 'InvalidParameterValue' | 'InvalidFilter' = 'InvalidParameterValue'): void {
  for (const filter of filters ?? []) {
    const name = filter.Name ?? ''
    if (resourceValues(name, known, []) === undefined) throw invalidFilter(name, errorCode)
  }
}

function resourceValues(name: string, fields: FilterFields, tags: Ec2Tag[]): string[] | undefined {
  if (name.startsWith('tag:')) {
    const key = name.slice(4)
    return tags.filter((tag) => tag.Key === key).map((tag) => tag.Value)
  }
  if (name === 'tag-key') return tags.map((tag) => tag.Key)
  if (name === 'tag-value') return tags.map((tag) => tag.Value)
  if (!Object.prototype.hasOwnProperty.call(fields, name)) return undefined
  const value = fields[name]
  if (value === undefined) return []
  return Array.isArray(value) ? value : [String(value)]
}

function wildcard(pattern: string): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')
  return new RegExp(`^${source}$`)
}
