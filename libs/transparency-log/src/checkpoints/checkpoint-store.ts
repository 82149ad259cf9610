import { Database, SqlExecutor } from '@multitrack/database';
import { SignedCheckpoint } from '../note/checkpoint';
import { verifySignature } from '../note/signed-note';
import { NoteSignature } from '../note/signer';
import { WitnessKey } from '../note/witness-keys';
import { CheckpointNotFoundError, CosignatureRejectedError } from './errors';
import { recordSignedSize } from './key-history';

export interface StoredCheckpoint extends SignedCheckpoint {
  signedAt: Date;
}

export interface CheckpointStore {
  /**
   * Keeps a newly signed checkpoint; signing the same size again keeps the first. The log's
   * signature counts in the key history (its key must be adopted there first).
   */
  add(checkpoint: SignedCheckpoint): Promise<StoredCheckpoint>;
  /**
   * After a key rotation, the log's new key signs the latest checkpoint too (same body, one more
   * signature line), so the current key has signed the latest checkpoint from the start.
   */
  addLogSignature(treeSize: number, signature: NoteSignature): Promise<StoredCheckpoint>;
  latest(): Promise<StoredCheckpoint | undefined>;
  at(treeSize: number): Promise<StoredCheckpoint | undefined>;
  /**
   * Adds a witness's plain signed-note signature over the checkpoint body, once it verifies under
   * the key configured for that name; throws CosignatureRejectedError otherwise.
   */
  addCosignature(
    treeSize: number,
    name: string,
    signatureBase64: string,
    witnessKeys: readonly WitnessKey[],
  ): Promise<StoredCheckpoint>;
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

/** One statement, so concurrent signers never overwrite each other's lines. */
const appendSignature = async (
  sql: SqlExecutor,
  treeSize: number,
  signature: NoteSignature,
): Promise<StoredCheckpoint> => {
  const { rows } = await sql.query<CheckpointRow>(
    `UPDATE tlog_checkpoints SET signatures = CASE WHEN signatures @> $2::jsonb THEN signatures ELSE signatures || $2::jsonb END
       WHERE tree_size = $1 RETURNING ${COLUMNS}`,
    [treeSize, JSON.stringify([signature])],
  );
  return toCheckpoint(rows[0]);
};

export const createCheckpointStore = (db: Database): CheckpointStore => {
  const at = async (treeSize: number, sql: SqlExecutor = db) => {
    const { rows } = await sql.query<CheckpointRow>(
      `SELECT ${COLUMNS} FROM tlog_checkpoints WHERE tree_size = $1`,
      [treeSize],
    );
    return rows.length ? toCheckpoint(rows[0]) : undefined;
  };
  return {
    async add({ treeSize, body, signatures }) {
      const stored = await db.transaction(async (tx) => {
        const inserted = await tx.query(
          'INSERT INTO tlog_checkpoints (tree_size, body, signatures) VALUES ($1, $2, $3::jsonb) ON CONFLICT (tree_size) DO NOTHING RETURNING tree_size',
          [treeSize, body, JSON.stringify(signatures)],
        );
        if (inserted.rows.length > 0 && signatures[0]) await recordSignedSize(tx, signatures[0], treeSize);
        return (await at(treeSize, tx)) as StoredCheckpoint;
      });
      // Two bodies for one size would be two histories: a log must never sign both.
      if (stored.body !== body) throw new Error(`checkpoint ${treeSize} is already signed with another root`);
      return stored;
    },
    async latest() {
      const { rows } = await db.query<CheckpointRow>(
        `SELECT ${COLUMNS} FROM tlog_checkpoints ORDER BY tree_size DESC LIMIT 1`,
      );
      return rows.length ? toCheckpoint(rows[0]) : undefined;
    },
    at,
    async addCosignature(treeSize, name, signatureBase64, witnessKeys) {
      const checkpoint = await at(treeSize);
      if (!checkpoint) throw new CheckpointNotFoundError(treeSize);
      const key = witnessKeys.find((witness) => witness.name === name);
      if (!key)
        throw new CosignatureRejectedError(treeSize, name, 'no witness key is configured under that name');
      const signature = { name, signature: signatureBase64 };
      if (!verifySignature(checkpoint.body, signature, key))
        throw new CosignatureRejectedError(
          treeSize,
          name,
          'the signature does not verify under the configured key',
        );
      return appendSignature(db, treeSize, signature);
    },
    async addLogSignature(treeSize, signature) {
      return db.transaction(async (tx) => {
        if (!(await at(treeSize, tx))) throw new CheckpointNotFoundError(treeSize);
        const stored = await appendSignature(tx, treeSize, signature);
        await recordSignedSize(tx, signature, treeSize);
        return stored;
      });
    },
  };
};
