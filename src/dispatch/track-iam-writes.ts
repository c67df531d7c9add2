//! The store handlers see: the same store, whose IAM collections report every write (put, insert, delete), so the
//! authorizer reads again the policies of a principal whose user, groups, role or managed policies changed.
import type { Collection, Reviver, Store } from '../store/index.js'

export type RecordWriteListener = (collection: string, scope: string, key: string) => void

/** IAM's collections are named `iam.<thing>` (store/repositories/iam-records.ts). */
const IAM_PREFIX = 'iam.'

export function trackIamWrites(store: Store, onWrite: RecordWriteListener): Store {
  const documents = Object.create(store.documents) as Store['documents']
  documents.collection = <T>(name: string, revive?: Reviver<T>): Collection<T> => {
    const collection = store.documents.collection<T>(name, revive)
    if (!name.startsWith(IAM_PREFIX)) return collection
    return {
      ...collection,
      put(scope, key, value) {
        collection.put(scope, key, value)
        onWrite(name, scope, key)
      },
      insert(scope, key, value) {
        const inserted = collection.insert(scope, key, value)
        if (inserted) onWrite(name, scope, key)
        return inserted
      },
      delete(scope, key) {
        const deleted = collection.delete(scope, key)
        if (deleted) onWrite(name, scope, key)
        return deleted
      },
    }
  }
  return { ...store, documents }
}
