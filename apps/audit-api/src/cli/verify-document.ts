import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { hashCanonicalFields, toHashedEvent, type RecordedEvent } from '@multitrack/event-store';
import type { NoteKey } from '@multitrack/transparency-log';
import type { AuditClient } from './audit-client';
import { checkedCheckpoint, checkLeaf, VerificationFailure } from './checks';

interface DocumentProof {
  documentId: string;
  sha256: string;
  position: number;
  leafIndex: number;
  treeSize: number;
  rootHash: string;
  hashes: string[];
}

const sha256Of = async (file: string): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

/**
 * Whether `file` is the very document filed as `documentId`, trusting only the log's key: the
 * file's SHA-256 must be the one the attaching event records, that event must hash to its hash,
 * and the hash must be a leaf of a tree whose root a checkpoint signed by `key` names. Each
 * mismatch is a `VerificationFailure` (exit 1); returns what was proved.
 */
export const verifyDocument = async (
  client: AuditClient,
  key: NoteKey,
  file: string,
  documentId: string,
): Promise<{ sha256: string; streamId: string; position: number; leafIndex: number; treeSize: number }> => {
  const local = await sha256Of(file);
  const proof = await client.json<DocumentProof>(
    `/v1/audit/documents/${encodeURIComponent(documentId)}/proof`,
  );
  const checkpoint = await checkedCheckpoint(client, key, proof.treeSize);
  const page = await client.json<{ items: RecordedEvent[] }>(
    `/v1/audit/events?fromPosition=${proof.position}&limit=1`,
  );
  const event = page.items[0];
  if (!event || event.position !== proof.position)
    throw new VerificationFailure(`no event at position ${proof.position}`);
  // The event's fields canonicalised here, from what the API served: no hash of the server's is taken on trust.
  if (hashCanonicalFields(toHashedEvent(event)) !== event.hash)
    throw new VerificationFailure(`the event at position ${proof.position} does not hash to its hash`);
  const data = event.data as { documentId?: string; sha256?: string };
  if (event.type !== 'DocumentAttached' || data.documentId !== documentId)
    throw new VerificationFailure(
      `the event at position ${proof.position} does not attach document ${documentId}`,
    );
  checkLeaf(
    event.hash,
    proof,
    checkpoint,
    `the event that attached document ${documentId} is NOT in the signed tree of ${checkpoint.treeSize}`,
  );
  if (data.sha256 !== local)
    throw new VerificationFailure(
      `${file} is NOT the document filed as ${documentId}: it hashes to ${local}, the log holds ${data.sha256}`,
    );
  return {
    sha256: local,
    streamId: event.streamId,
    position: event.position,
    leafIndex: proof.leafIndex,
    treeSize: checkpoint.treeSize,
  };
};
