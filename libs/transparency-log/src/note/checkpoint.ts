import { decodeBase64 } from './signed-note';
import { NoteSignature, NoteSigner } from './signer';

/** A tree head as c2sp.org/tlog-checkpoint writes it. */
export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: Uint8Array;
}

export interface SignedCheckpoint {
  treeSize: number;
  /** The checkpoint note text, final newline included: what every signature covers. */
  body: string;
  signatures: NoteSignature[];
}

export const checkpointBody = ({ origin, treeSize, rootHash }: Checkpoint): string => {
  if (origin.length === 0 || origin.includes('\n'))
    throw new Error('a checkpoint origin is one non-empty line');
  if (!Number.isSafeInteger(treeSize) || treeSize < 0) throw new Error(`tree size ${treeSize} is not a size`);
  if (rootHash.length !== 32) throw new Error('a root hash is 32 bytes');
  return `${origin}\n${treeSize}\n${Buffer.from(rootHash).toString('base64')}\n`;
};

/** Reads origin, size and root from a checkpoint body; extension lines are allowed and ignored. */
export const parseCheckpoint = (body: string): Checkpoint => {
  const [origin, size, root] = body.split('\n');
  const rootHash = decodeBase64(root ?? '');
  if (!origin || !/^(0|[1-9][0-9]*)$/.test(size ?? '') || rootHash?.length !== 32 || !body.endsWith('\n'))
    throw new Error('not a checkpoint: origin, decimal tree size and base64 root hash, one per line');
  return { origin, treeSize: Number(size), rootHash };
};

export const signCheckpoint = (signer: NoteSigner, checkpoint: Checkpoint): SignedCheckpoint => {
  const body = checkpointBody(checkpoint);
  return { treeSize: checkpoint.treeSize, body, signatures: [signer.sign(body)] };
};
