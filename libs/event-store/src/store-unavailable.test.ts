import { StoreUnavailableError } from './errors';
import { openEventStore } from './open-event-store';

describe('an event store whose server does not answer', () => {
  it('reports StoreUnavailableError, so the API can answer 503', async () => {
    // Nothing listens on port 1 of the loopback interface.
    const opening = openEventStore({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/none' });
    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
