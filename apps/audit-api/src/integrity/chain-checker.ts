import { ChainBreak, HashedEvent, hashCanonicalFields } from '@multitrack/event-store';

export interface BrokenEvent {
  position: number;
  streamId: string;
  revision: number;
  /** The chain rules of event-store, or: the event is not the one the transparency log holds at its place. */
  reason: ChainBreak['reason'] | 'differs-from-transparency-log';
  leafIndex?: number;
}

/**
 * Checks each stream's hash chain while the global log streams past (streams interleave there,
 * each in revision order): per stream only its last revision and hash are kept. The rules are
 * event-store's `findFirstBrokenEvent`, applied one event at a time, hashing the canonical text
 * the store hands over (`readHashedLog`) instead of re-serialising parsed payloads.
 */
export class ChainChecker {
  private readonly heads = new Map<string, { revision: number; hash: string }>();
  firstBroken?: BrokenEvent;
  checked = 0;

  check(event: HashedEvent): void {
    const head = this.heads.get(event.streamId);
    const reason =
      event.revision !== (head ? head.revision + 1 : 0)
        ? 'revision-gap'
        : event.prevHash !== (head ? head.hash : null)
          ? 'prev-hash-mismatch'
          : hashCanonicalFields(event) !== event.hash
            ? 'hash-mismatch'
            : undefined;
    if (reason && !this.firstBroken)
      this.firstBroken = {
        position: event.position,
        streamId: event.streamId,
        revision: event.revision,
        reason,
      };
    // Later events are checked against what is stored, so one altered event is reported once.
    this.heads.set(event.streamId, { revision: event.revision, hash: event.hash });
    this.checked += 1;
  }
}
