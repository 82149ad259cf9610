import {
  parseCheckpoint,
  verifyConsistency,
  verifyInclusion,
  verifyNote,
  eventLeafHash,
  NoteKey,
} from '@multitrack/transparency-log';
import type { AuditClient } from './audit-client';

export interface CheckedCheckpoint {
  treeSize: number;
  rootHash: Buffer;
  body: string;
  note: string;
}

export const fetchPublicKey = async (
  client: AuditClient,
  given?: { name?: string; publicKey?: string },
): Promise<NoteKey> => {
  const document =
    given?.publicKey && given.name
      ? { name: given.name, publicKey: given.publicKey }
      : await client.json<{ name: string; publicKey: string }>('/v1/audit/public-key');
  return { name: document.name, publicKey: Buffer.from(document.publicKey, 'base64') };
};

/** A checkpoint whose log signature verifies under `key`; throws a `VerificationFailure` otherwise. */
export const checkedCheckpoint = async (
  client: AuditClient,
  key: NoteKey,
  treeSize?: number,
): Promise<CheckedCheckpoint> => {
  const note = await client.text(`/v1/audit/checkpoints/${treeSize ?? 'latest'}`);
  const verification = verifyNote(note, key);
  if (!verification.valid)
    throw new VerificationFailure(
      `checkpoint ${treeSize ?? 'latest'} is not signed by ${key.name}: ${verification.reason}`,
    );
  const checkpoint = parseCheckpoint(verification.body);
  return {
    treeSize: checkpoint.treeSize,
    rootHash: Buffer.from(checkpoint.rootHash),
    body: verification.body,
    note,
  };
};

export const checkConsistency = async (
  client: AuditClient,
  from: { treeSize: number; rootHash: Buffer },
  to: { treeSize: number; rootHash: Buffer },
): Promise<void> => {
  const proof = await client.json<{ hashes: string[] }>(
    `/v1/audit/proofs/consistency?from=${from.treeSize}&to=${to.treeSize}`,
  );
  const ok = verifyConsistency({
    fromSize: from.treeSize,
    toSize: to.treeSize,
    fromRoot: from.rootHash,
    toRoot: to.rootHash,
    proof: proof.hashes.map((h) => Buffer.from(h, 'base64')),
  });
  if (!ok)
    throw new VerificationFailure(
      `the log of ${to.treeSize} events does NOT extend the log of ${from.treeSize}: history was rewritten`,
    );
};

export const checkInclusion = async (
  client: AuditClient,
  position: number,
  checkpoint: CheckedCheckpoint,
): Promise<number> => {
  const page = await client.json<{ items: { position: number; hash: string }[] }>(
    `/v1/audit/events?fromPosition=${position}&limit=1`,
  );
  const event = page.items[0];
  if (!event || event.position !== position)
    throw new VerificationFailure(`no event at position ${position}`);
  const proof = await client.json<{ leafIndex: number; hashes: string[] }>(
    `/v1/audit/proofs/inclusion?position=${position}&treeSize=${checkpoint.treeSize}`,
  );
  checkLeaf(
    event.hash,
    proof,
    checkpoint,
    `the event at position ${position} is NOT in the signed tree of ${checkpoint.treeSize}`,
  );
  return proof.leafIndex;
};

/** That the event of `eventHash` is leaf `leafIndex` of the signed tree, by the audit path `hashes`. */
export const checkLeaf = (
  eventHash: string,
  proof: { leafIndex: number; hashes: string[] },
  checkpoint: CheckedCheckpoint,
  failure: string,
): void => {
  const ok = verifyInclusion({
    leafHash: eventLeafHash(eventHash),
    leafIndex: proof.leafIndex,
    treeSize: checkpoint.treeSize,
    proof: proof.hashes.map((h) => Buffer.from(h, 'base64')),
    rootHash: checkpoint.rootHash,
  });
  if (!ok) throw new VerificationFailure(failure);
};

/** A check that failed: exit code 1. */
export class VerificationFailure extends Error {
  override readonly name = 'VerificationFailure';
}
