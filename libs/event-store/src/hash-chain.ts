import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** Exactly the fields an event's hash covers (issue 3, item 4). */
export interface HashedFields {
  prevHash: string | null;
  streamId: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: unknown;
}

/**
 * Lowercase hex SHA-256 over the RFC 8785 canonical JSON of the hashed fields. Personal fields
 * arrive already encrypted, so the hash covers ciphertext and still verifies after an erasure.
 */
export const computeEventHash = (fields: HashedFields): string => {
  const { prevHash, streamId, revision, type, data, metadata } = fields;
  const canonical = canonicalize({ prevHash, streamId, revision, type, data, metadata });
  if (canonical === undefined) throw new Error('event fields are not serialisable as JSON');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
};

export interface ChainedEvent extends HashedFields {
  hash: string;
}

export interface ChainBreak {
  streamId: string;
  revision: number;
  reason: 'hash-mismatch' | 'prev-hash-mismatch' | 'revision-gap';
}

/**
 * The first event of one stream's history (in revision order, from revision 0) whose hash does not
 * recompute or does not link to its predecessor; `undefined` when the chain is whole.
 */
export const findFirstBrokenEvent = (events: Iterable<ChainedEvent>): ChainBreak | undefined => {
  let previous: ChainedEvent | undefined;
  for (const event of events) {
    const at = { streamId: event.streamId, revision: event.revision };
    if (event.revision !== (previous ? previous.revision + 1 : 0)) return { ...at, reason: 'revision-gap' };
    if (event.prevHash !== (previous ? previous.hash : null)) return { ...at, reason: 'prev-hash-mismatch' };
    if (computeEventHash(event) !== event.hash) return { ...at, reason: 'hash-mismatch' };
    previous = event;
  }
  return undefined;
};

export const verifyStreamChain = (events: Iterable<ChainedEvent>): boolean =>
  findFirstBrokenEvent(events) === undefined;
