//! Sets a map entry whose key comes from a client. A plain assignment to `__proto__` would replace the object's
//! prototype instead of adding the key, so that key is defined as an ordinary own property.
export function setMapEntry(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true })
  else record[key] = value
}
