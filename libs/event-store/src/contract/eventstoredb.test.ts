import { openEventStoreDb } from '../eventstoredb/eventstoredb.event-store';
import { describeEventStoreContract } from './event-store.contract';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract(
    'EventStoreDB',
    async () => {
      const store = await openEventStoreDb(connectionString);
      return { store, slowCommitStore: store, race: { trials: 200, writers: 8 }, close: () => store.close() };
    },
    { canTamper: false },
  );
} else {
  const reason = 'EventStoreDB contract tests SKIPPED: EVENTSTORE_CONNECTION_STRING is not set';
  console.warn(reason);
  // Jest drops console output of a file whose tests are all skipped when it runs several files.
  process.stderr.write(`\n${reason}\n`);
  describe.skip(reason, () => {
    it('runs the event store contract against EventStoreDB', () => undefined);
  });
}
