import { hash } from 'node:crypto';
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

/** An event's hashed fields with `data` and `metadata` already in RFC 8785 canonical JSON. */
export interface CanonicalFields {
  prevHash: string | null;
  streamId: string;
  revision: number;
  type: string;
  canonicalData: string;
  canonicalMetadata: string;
}

const canonicalJson = (value: unknown): string => {
  // RFC 8785 writes a number as ECMAScript does; the revision is the only one here.
  if (Number.isInteger(value)) return String(value);
  const text = canonicalize(value);
  if (text === undefined) throw new Error('event fields are not serialisable as JSON');
  return text;
};

/**
 * Lowercase hex SHA-256 of the canonical JSON of the six hashed fields, assembled from their parts:
 * RFC 8785 orders these keys data < metadata < prevHash < revision < streamId < type, and a string
 * or integer is canonically what JSON.stringify writes. The append function in SQL assembles the
 * very same text (append.function.sql.ts).
 */
export const hashCanonicalFields = (fields: CanonicalFields): string =>
  hash(
    'sha256',
    `{"data":${fields.canonicalData},"metadata":${fields.canonicalMetadata},"prevHash":${JSON.stringify(fields.prevHash)},` +
      `"revision":${canonicalJson(fields.revision)},"streamId":${JSON.stringify(fields.streamId)},"type":${JSON.stringify(fields.type)}}`,
    'hex',
  );

/**
 * Lowercase hex SHA-256 over the RFC 8785 canonical JSON of the hashed fields. Personal fields
 * arrive already encrypted, so the hash covers ciphertext and still verifies after an erasure.
 */
export const computeEventHash = (fields: HashedFields): string => {
  const { prevHash, streamId, revision, type, data, metadata } = fields;
  return hashCanonicalFields({
    prevHash,
    streamId,
    revision,
    type,
    canonicalData: canonicalJson(data),
    canonicalMetadata: canonicalJson(metadata),
  });
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
