import { createHash } from 'node:crypto';

/** RFC 9162 §2.1.1: the domain-separation prefixes that keep a leaf from passing as a node. */
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** MTH({}) = SHA-256() — the root of the empty tree. */
export const emptyRoot = (): Buffer => sha256();

/** MTH({d}) = SHA-256(0x00 || d). */
export const hashLeaf = (entry: Uint8Array): Buffer => sha256(LEAF_PREFIX, entry);

/** SHA-256(0x01 || left || right). */
export const hashChildren = (left: Uint8Array, right: Uint8Array): Buffer => sha256(NODE_PREFIX, left, right);

const EVENT_HASH = /^[0-9a-f]{64}$/;

export class InvalidEventHashError extends Error {
  override readonly name = 'InvalidEventHashError';
  constructor(readonly value: string) {
    super(`an event hash is 64 lowercase hex characters, got ${JSON.stringify(value)}`);
  }
}

/** The log's leaf: an event's `hash` (lowercase hex SHA-256) taken as its 32 bytes. */
export const eventHashBytes = (hex: string): Buffer => {
  if (!EVENT_HASH.test(hex)) throw new InvalidEventHashError(hex);
  return Buffer.from(hex, 'hex');
};

/** The Merkle leaf hash of one event: SHA-256(0x00 || 32-byte event hash). */
export const eventLeafHash = (eventHashHex: string): Buffer => hashLeaf(eventHashBytes(eventHashHex));
