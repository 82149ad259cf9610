import { SqlExecutor } from '@multitrack/database';
import { keyId } from '../note/signer';

/** A key that signed checkpoints of this log: from the first tree size it signed to the last. */
export interface SigningKeyPeriod {
  name: string;
  /** The raw 32-byte Ed25519 public key. */
  publicKey: Buffer;
  firstTreeSize: number;
  lastTreeSize: number;
}

export interface KeyHistory {
  /**
   * Makes a key part of the history; a key must be adopted before it signs. The first time, the
   * sizes it signed already are found in the stored checkpoints (a key kept from before the
   * history existed, or signing again after a rotation back).
   */
  adopt(key: { name: string; publicKey: Uint8Array }): Promise<void>;
  /** Every key that signed at least one checkpoint, oldest first. */
  list(): Promise<SigningKeyPeriod[]>;
}

interface KeyRow {
  name: string;
  public_key: Uint8Array;
  first_tree_size: string | number;
  last_tree_size: string | number;
}

/**
 * Called by the checkpoint store in the transaction that stores the log's signature over
 * `treeSize`, so the history never misses a checkpoint it holds.
 */
export const recordSignedSize = async (
  tx: SqlExecutor,
  signature: { name: string; signature: string },
  treeSize: number,
): Promise<void> => {
  await tx.query(
    `UPDATE tlog_signing_keys
        SET first_tree_size = LEAST(COALESCE(first_tree_size, $3), $3), last_tree_size = GREATEST(COALESCE(last_tree_size, $3), $3)
      WHERE name = $1 AND key_id = $2`,
    [signature.name, Buffer.from(signature.signature, 'base64').subarray(0, 4), treeSize],
  );
};

export const createKeyHistory = (db: SqlExecutor): KeyHistory => ({
  async adopt({ name, publicKey }) {
    const id = keyId(name, publicKey);
    // One scan of the checkpoints, once per key: signature lines are base64(key id ‖ signature).
    await db.query(
      `INSERT INTO tlog_signing_keys (name, public_key, key_id, first_tree_size, last_tree_size)
         SELECT $1, $2, $3, min(tree_size), max(tree_size) FROM tlog_checkpoints
          WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(signatures) line
                         WHERE line->>'name' = $1 AND substring(decode(line->>'signature', 'base64') FROM 1 FOR 4) = $3)
       ON CONFLICT (name, public_key) DO NOTHING`,
      [name, Buffer.from(publicKey), id],
    );
  },
  async list() {
    const { rows } = await db.query<KeyRow>(
      `SELECT name, public_key, first_tree_size, last_tree_size FROM tlog_signing_keys
        WHERE first_tree_size IS NOT NULL ORDER BY first_tree_size, added_at`,
    );
    return rows.map((row) => ({
      name: row.name,
      publicKey: Buffer.from(row.public_key),
      firstTreeSize: Number(row.first_tree_size),
      lastTreeSize: Number(row.last_tree_size),
    }));
  },
});
