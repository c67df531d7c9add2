//! The Availability Zones taskrole offers per Region: `<region>a`…`<region>f` in us-east-1, `a`…`c` elsewhere,
//! with zone ids in AWS's form (`use1-az1`). Real zone-id mappings differ per account; a fixed one is enough here.

export function availabilityZones(region: string): string[] {
  const letters = region === 'us-east-1' ? 'abcdef' : 'abc'
  return [...letters].map((letter) => `${region}${letter}`)
}

/** `us-east-1` -> `use1`, `ap-southeast-2` -> `apse2`, `eu-central-1` -> `euc1`. */
function regionCode(region: string): string {
  const [area = '', direction = '', number = ''] = region.split('-')
  const compass = direction.replace('north', 'n').replace('south', 's').replace('east', 'e').replace('west', 'w').replace('central', 'c')
  return `${area}${compass}${number}`
}

export function availabilityZoneId(region: string, zone: string): string {
  return `${regionCode(region)}-az${availabilityZones(region).indexOf(zone) + 1}`
}

/** The zone an AvailabilityZoneId names in this Region, if any. */
export function zoneOfId(region: string, zoneId: string): string | undefined {
  return availabilityZones(region).find((zone) => availabilityZoneId(region, zone) === zoneId)
}
