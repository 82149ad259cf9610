import { describeEventStoreContract } from './event-store.contract';
import { openSqlHarness } from './sql-harness';

// PGlite has one connection and runs one transaction at a time, so commits cannot overlap and
// the gap race cannot happen: a smaller run shows the same code holds there too.
describeEventStoreContract('PGlite', () => openSqlHarness('pglite', { trials: 100, writers: 8 }), {
  canTamper: true,
});
