//! ParameterFilters (SSM API Reference, "ParameterStringFilter"): Name (Equals, BeginsWith, Contains), Type,
//! KeyId, Tier, DataType, Label (Equals), Path (OneLevel, Recursive; DescribeParameters only) and tag:<key>.
//! GetParametersByPath accepts only Type, KeyId, Label and tag filters.
import { invalidFilterKey, invalidFilterOption, validation } from './errors.js'
import { canonicalName } from './parameter-names.js'
import { latestVersion, type ParameterRecord } from './parameter-records.js'

export interface ParameterStringFilter {
  Key: string
  Option?: string
  Values?: string[]
}

const DESCRIBE_KEYS = ['Name', 'Type', 'KeyId', 'Path', 'Tier', 'DataType', 'Label']
const BY_PATH_KEYS = ['Type', 'KeyId', 'Label']

export function checkFilters(filters: ParameterStringFilter[], context: 'describe' | 'byPath'): void {
  const allowed = context === 'describe' ? DESCRIBE_KEYS : BY_PATH_KEYS
  for (const filter of filters) {
    if (filter.Key.startsWith('tag:')) continue
    if (!allowed.includes(filter.Key)) {
      throw invalidFilterKey(`The following filter key is not valid: ${filter.Key}. Valid filter keys include: [${allowed.join(', ')}].`)
    }
    const options = optionsFor(filter.Key)
    if (filter.Option !== undefined && !options.includes(filter.Option)) {
      throw invalidFilterOption(`The following filter option is not valid: ${filter.Option}. Valid options include: [${options.join(', ')}].`)
    }
    if (filter.Key !== 'Path' && (filter.Values ?? []).length === 0) throw validation(`Filter values for ${filter.Key} are required.`)
  }
}

function optionsFor(key: string): string[] {
  if (key === 'Name') return ['BeginsWith', 'Equals', 'Contains']
  if (key === 'Path') return ['Recursive', 'OneLevel']
  return ['Equals']
}

export function matchesFilters(parameter: ParameterRecord, filters: ParameterStringFilter[]): boolean {
  return filters.every((filter) => matchesFilter(parameter, filter))
}

function matchesFilter(parameter: ParameterRecord, filter: ParameterStringFilter): boolean {
  const latest = latestVersion(parameter)
  const values = filter.Values ?? []
  if (filter.Key.startsWith('tag:')) {
    const tag = parameter.tags.find((t) => t.Key === filter.Key.slice(4))
    return tag !== undefined && (values.length === 0 || values.includes(tag.Value))
  }
  switch (filter.Key) {
    case 'Name': {
      const name = canonicalName(parameter.name)
      const wanted = values.map(canonicalName)
      if (filter.Option === 'BeginsWith') return wanted.some((value) => name.startsWith(value))
      if (filter.Option === 'Contains') return values.some((value) => name.includes(value))
      return wanted.includes(name)
    }
    case 'Type':
      return values.includes(latest.type)
    case 'KeyId':
      return latest.keyId !== undefined && values.includes(latest.keyId)
    case 'Tier':
      return values.includes(latest.tier)
    case 'DataType':
      return values.includes(latest.dataType)
    case 'Label':
      return parameter.versions.some((version) => version.labels.some((label) => values.includes(label)))
    case 'Path':
      return (values.length ? values : ['/']).some((path) => underPath(canonicalName(parameter.name), path, filter.Option === 'Recursive'))
    default:
      return false
  }
}

/** Whether a parameter lies under a path: directly (one level) or anywhere below (recursive). */
export function underPath(key: string, path: string, recursive: boolean): boolean {
  const base = path === '/' ? '/' : `${path.replace(/\/+$/, '')}/`
  const name = key.startsWith('/') ? key : `/${key}`
  if (!name.startsWith(base)) return false
  return recursive || !name.slice(base.length).includes('/')
}
