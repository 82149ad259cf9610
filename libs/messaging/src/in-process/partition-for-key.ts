/**
 * FNV-1a over the key's UTF-8 bytes: stable across runs, so one key always lands in one
 * partition and keeps its order. (Kafka uses murmur2; only the stability matters here.)
 */
export const partitionForKey = (key: string, partitions: number): number => {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
};
