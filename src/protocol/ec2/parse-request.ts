//! Reads EC2-protocol parameters: like query, but every list is flattened (`SubnetId.1`, `Filter.1.Value.1`)
//! and members are named by queryName or capitalised locationName (botocore's EC2Serializer).
import type { FormDialect } from '../query/parse-request.js'

export const ec2Dialect: FormDialect = {
  memberName: (member) => member.ec2Name,
  listItems: (node) => node,
}
