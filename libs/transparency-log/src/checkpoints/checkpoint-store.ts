import { Database } from '@multitrack/database';
import { SignedCheckpoint } from '../note/checkpoint';
import { verifySignature } from '../note/signed-note';
import { NoteSignature } from '../note/signer';
import { WitnessKey } from '../note/witness-keys';
import { CheckpointNotFoundError, CosignatureRejectedError } from './errors';

export interface StoredCheckpoint extends SignedCheckpoint {
  signedAt: Date;
}

export interface CheckpointStore {
  /** Keeps a newly signed checkpoint; signing the same size again keeps the first. */
  add(checkpoint: SignedCheckpoint): Promise<StoredCheckpoint>;
  latest(): Promise<StoredCheckpoint | undefined>;
  at(treeSize: number): Promise<StoredCheckpoint | undefined>;
  /**
   * Adds a witness's plain signed-note signature over the checkpoint body, once it verifies under
   * the key configured for that name; throws CosignatureRejectedError otherwise.
   */
  addCosignature(treeSize: number, name: string, signatureBase64: string, witnessKeys: readonly WitnessKey[]): Promise<StoredCheckpoint>;
}

interface CheckpointRow {
  tree_size: number;
  body: string;
  signatures: NoteSignature[];
  signed_at: Date | string;
}

const toCheckpoint = (row: CheckpointRow): StoredCheckpoint => ({
  treeSize: Number(row.tree_size),
  body: row.body,
  signatures: row.signatures,
  signedAt: new Date(row.signed_at),
});

const COLUMNS = 'tree_size, body, signatures, signed_at';

export const createCheckpointStore = (db: Database): CheckpointStore => {
  const at = async (treeSize: number) => {
    const { rows } = await db.query<CheckpointRow>(`SELECT ${COLUMNS} FROM tlog_checkpoints WHERE tree_size = $1`, [treeSize]);
    return rows.length ? toCheckpoint(rows[0]) : undefined;
  };
  return {
    async add({ treeSize, body, signatures }) {
      await db.query('INSERT INTO tlog_checkpoints (tree_size, body, signatures) VALUES ($1, $2, $3::jsonb) ON CONFLICT (tree_size) DO NOTHING', [
        treeSize,
        body,
        JSON.stringify(signatures),
      ]);
      const stored = (await at(treeSize)) as StoredCheckpoint;
      // Two bodies for one size would be two histories: a log must never sign both.
      if (stored.body !== body) throw new Error(`checkpoint ${treeSize} is already signed with another root`);
      return stored;
    },
    async latest() {
      const { rows } = await db.query<CheckpointRow>(`SELECT ${COLUMNS} FROM tlog_checkpoints ORDER BY tree_size DESC LIMIT 1`);
      return rows.length ? toCheckpoint(rows[0]) : undefined;
    },
    at,
    async addCosignature(treeSize, name, signatureBase64, witnessKeys) {
      const checkpoint = await at(treeSize);
      if (!checkpoint) throw new CheckpointNotFoundError(treeSize);
      const key = witnessKeys.find((witness) => witness.name === name);
      if (!key) throw new CosignatureRejectedError(treeSize, name, 'no witness key is configured under that name');
      const signature = { name, signature: signatureBase64 };
      if (!verifySignature(checkpoint.body, signature, key))
        throw new CosignatureRejectedError(treeSize, name, 'the signature does not verify under the configured key');
      // One statement, so concurrent witnesses never overwrite each other's lines.
      const { rows } = await db.query<CheckpointRow>(
        `UPDATE tlog_checkpoints SET signatures = CASE WHEN signatures @> $2::jsonb THEN signatures ELSE signatures || $2::jsonb END
           WHERE tree_size = $1 RETURNING ${COLUMNS}`,
        [treeSize, JSON.stringify([signature])],
      );
      return toCheckpoint(rows[0]);
    },
  };
};
