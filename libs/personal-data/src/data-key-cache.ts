/**
 * Unwrapped data keys held in memory, briefly and boundedly. Erasure must win over the cache: it
 * evicts the subject and bumps `epoch`, and a load that began before an erasure is not cached
 * when it ends (`remember` compares epochs). Another process's erasure is seen once `ttlMs` has
 * passed, which bounds how long a key destroyed elsewhere can still decrypt here.
 */
export class DataKeyCache {
  private readonly keys = new Map<string, { key: Buffer; expiresAt: number }>();
  private readonly erased = new Set<string>();
  private epochValue = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get epoch(): number {
    return this.epochValue;
  }

  get(subjectId: string): Buffer | 'erased' | undefined {
    if (this.erased.has(subjectId)) return 'erased';
    const entry = this.keys.get(subjectId);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.key;
    this.keys.delete(subjectId);
    return undefined;
  }

  remember(subjectId: string, key: Buffer, loadedInEpoch: number): void {
    if (this.ttlMs <= 0 || loadedInEpoch !== this.epochValue) return;
    if (this.keys.size >= this.maxEntries) this.keys.delete(this.keys.keys().next().value as string);
    this.keys.set(subjectId, { key, expiresAt: Date.now() + this.ttlMs });
  }

  /** Erasure is permanent, so "erased" can be remembered for good (bounded all the same). */
  rememberErased(subjectId: string): void {
    this.evict(subjectId);
    if (this.erased.size >= this.maxEntries) this.erased.clear();
    this.erased.add(subjectId);
  }

  evict(subjectId: string): void {
    this.epochValue += 1;
    // Dropped, not zeroed: an encryption in flight may still hold this very buffer.
    this.keys.delete(subjectId);
  }
}
