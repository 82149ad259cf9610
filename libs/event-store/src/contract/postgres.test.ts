import { describeEventStoreContract } from './event-store.contract';
import { openSqlHarness } from './sql-harness';

// Eight writers racing for a thousand rounds on a real server, where commits do overlap.
describeEventStoreContract('PostgreSQL', () => openSqlHarness('postgres', { trials: 1_000, writers: 8 }), {
  canTamper: true,
});
