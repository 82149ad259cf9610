import { Database, migrate } from '@multitrack/database';
import { masterKeyring, unwrapDataKey, wrapDataKey } from './data-key';
import { masterKeyId } from './master-key';
import { personalDataMigrations } from './personal-data.migrations';

interface Row {
  subject_id: string;
  wrapped_key: Uint8Array;
}

/**
 * Master key rotation: re-wraps every data key wrapped by `oldMaster` under `newMaster`, in
 * batches. Data keys, and so every ciphertext in the log, stay as they are. Each row is updated
 * only while still wrapped by the old key, so the job can be stopped and run again, and runs
 * safely beside vaults that already use the new key (with the old one as a previous key). A row
 * the old key does not unwrap is left alone and named in `failed`, rather than stopping the rest.
 */
export const rewrapAll = async (
  db: Database,
  oldMaster: Buffer,
  newMaster: Buffer,
  batchSize = 500,
): Promise<{ rewrapped: number; failed: string[] }> => {
  await migrate(db, 'personal-data', personalDataMigrations);
  const oldId = masterKeyId(oldMaster);
  const newId = masterKeyId(newMaster);
  const keyring = masterKeyring(oldMaster);
  const failed: string[] = [];
  let rewrapped = 0;
  let after = '';
  if (oldId === newId) return { rewrapped, failed };
  for (;;) {
    const { rows } = await db.query<Row>(
      `SELECT subject_id, wrapped_key FROM personal_data_keys
        WHERE master_key_id = $1 AND subject_id > $2 ORDER BY subject_id LIMIT $3`,
      [oldId, after, batchSize],
    );
    if (rows.length === 0) return { rewrapped, failed };
    after = rows[rows.length - 1].subject_id;
    const subjects: string[] = [];
    const wrapped: string[] = [];
    for (const row of rows) {
      try {
        const stored = { wrappedKey: Buffer.from(row.wrapped_key), masterKeyId: oldId };
        const dataKey = unwrapDataKey(keyring, row.subject_id, stored);
        wrapped.push(wrapDataKey(newMaster, row.subject_id, dataKey).wrappedKey.toString('hex'));
        subjects.push(row.subject_id);
      } catch {
        failed.push(row.subject_id);
      }
    }
    const result = await db.query(
      `UPDATE personal_data_keys k
          SET wrapped_key = decode(v.wrapped, 'hex'), master_key_id = $3
         FROM unnest($1::text[], $2::text[]) AS v(subject_id, wrapped)
        WHERE k.subject_id = v.subject_id AND k.master_key_id = $4`,
      [subjects, wrapped, newId, oldId],
    );
    rewrapped += result.rowCount;
  }
};
