import { describeEventStoreContract } from './event-store.contract';
import { openSqlHarness } from './sql-harness';

// The embedded app's database: PGlite in a worker thread, every statement and transaction crossing
// as messages. The same contract must hold (errors keep their PostgreSQL codes across the thread).
describeEventStoreContract(
  'PGlite in a worker thread',
  () => openSqlHarness('pglite-worker', { trials: 100, writers: 8 }),
  { canTamper: true },
);
