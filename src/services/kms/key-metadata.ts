//! DescribeKey's KeyMetadata for a symmetric encryption key (KMS API Reference, "KeyMetadata").
import type { KmsKeyRecord } from './key-records.js'

export function keyMetadata(key: KmsKeyRecord): Record<string, unknown> {
  return {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.creationDate,
    Enabled: key.keyState === 'Enabled',
    Description: key.description,
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: key.keyState,
    DeletionDate: key.keyState === 'PendingDeletion' ? key.deletionDate : undefined,
    Origin: 'AWS_KMS',
    KeyManager: key.keyManager,
    CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: false,
    PendingDeletionWindowInDays: key.keyState === 'PendingDeletion' ? key.pendingWindowInDays : undefined,
    CurrentKeyMaterialId: key.materialId,
  }
}
