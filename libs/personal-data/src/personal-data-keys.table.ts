import { Database, SqlExecutor } from '@multitrack/database';
import { WrappedDataKey } from './data-key';
import { PersonalDataErasedError } from './personal-data.errors';

interface KeyRow {
  wrapped_key: Uint8Array | null;
  master_key_id: string | null;
  erased: boolean;
}

export type StoredKey = WrappedDataKey | 'erased' | 'missing';

const toStoredKey = (row: KeyRow | undefined): StoredKey => {
  if (row?.wrapped_key && row.master_key_id) {
    return { wrappedKey: Buffer.from(row.wrapped_key), masterKeyId: row.master_key_id };
  }
  return row?.erased ? 'erased' : 'missing';
};

const readKey = async (sql: SqlExecutor, subjectId: string): Promise<StoredKey> => {
  const { rows } = await sql.query<KeyRow>(
    `SELECT k.wrapped_key, k.master_key_id, e.subject_id IS NOT NULL AS erased
       FROM (SELECT $1::text AS subject_id) s
       LEFT JOIN personal_data_keys k ON k.subject_id = s.subject_id
       LEFT JOIN personal_data_erasures e ON e.subject_id = s.subject_id`,
    [subjectId],
  );
  return toStoredKey(rows[0]);
};

// Creating and erasing a subject's key take the same per-subject lock, so an erasure can never
// be followed by a key made from a snapshot that had not seen it.
const lockSubject = (tx: SqlExecutor, subjectId: string) =>
  tx.query(`SELECT pg_advisory_xact_lock(hashtext('multitrack.personal-data'), hashtext($1))`, [subjectId]);

/** The SQL of the key tables; nothing else reads or writes them. */
export const personalDataKeysTable = (db: Database) => ({
  read: (subjectId: string) => readKey(db, subjectId),

  /** Stores `candidate` unless the subject already has a key; returns the key that won. */
  createIfAbsent: (subjectId: string, candidate: WrappedDataKey): Promise<WrappedDataKey> =>
    db.transaction(async (tx) => {
      await lockSubject(tx, subjectId);
      await tx.query(
        `INSERT INTO personal_data_keys (subject_id, wrapped_key, master_key_id)
         SELECT $1, decode($2, 'hex'), $3
          WHERE NOT EXISTS (SELECT 1 FROM personal_data_erasures WHERE subject_id = $1)
         ON CONFLICT (subject_id) DO NOTHING`,
        [subjectId, candidate.wrappedKey.toString('hex'), candidate.masterKeyId],
      );
      const stored = await readKey(tx, subjectId);
      if (stored === 'erased') throw new PersonalDataErasedError(subjectId);
      if (stored === 'missing')
        throw new Error(`personal data key of "${subjectId}" vanished while being created`);
      return stored;
    }),

  erase: (subjectId: string): Promise<void> =>
    db.transaction(async (tx) => {
      await lockSubject(tx, subjectId);
      await tx.query(
        'INSERT INTO personal_data_erasures (subject_id) VALUES ($1) ON CONFLICT (subject_id) DO NOTHING',
        [subjectId],
      );
      await tx.query('DELETE FROM personal_data_keys WHERE subject_id = $1', [subjectId]);
    }),

  isErased: async (subjectId: string): Promise<boolean> => {
    const { rows } = await db.query('SELECT 1 FROM personal_data_erasures WHERE subject_id = $1', [
      subjectId,
    ]);
    return rows.length > 0;
  },
});

export type PersonalDataKeysTable = ReturnType<typeof personalDataKeysTable>;
