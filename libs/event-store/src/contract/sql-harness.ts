import { createTestDatabase, TestDatabaseKind } from '@multitrack/database';
import { migrateEventStore } from '../postgres/event-store.migrations';
import { createPostgresEventStore } from '../postgres/postgres.event-store';
import { ContractHarness, sleep } from './harness';

/** The PostgreSQL adapter on a throwaway server database or an in-memory PGlite. */
export const openSqlHarness = async (
  kind: TestDatabaseKind,
  race: ContractHarness['race'],
): Promise<ContractHarness> => {
  const { db, drop } = await createTestDatabase(kind);
  await migrateEventStore(db);
  return {
    store: createPostgresEventStore(db, { pollIntervalMs: 5 }),
    slowCommitStore: createPostgresEventStore(db, {
      hooks: { beforeCommit: () => sleep(Math.random() * 4) },
    }),
    async tamper(streamId, revision) {
      await db.query(
        `UPDATE events SET data = jsonb_set(data, '{n}', '"rewritten"') WHERE stream_id = $1 AND stream_version = $2`,
        [streamId, revision],
      );
    },
    race,
    close: drop,
  };
};
