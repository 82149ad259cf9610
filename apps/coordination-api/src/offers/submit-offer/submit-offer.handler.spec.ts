import { createTestDatabase } from '@multitrack/database';
import { openEventStore, type EventStore } from '@multitrack/event-store';
import { plainToInstance } from 'class-transformer';
import type { CommandContext } from '../../command-handling/command-context';
import { StreamWriter } from '../../command-handling/stream-writer';
import { SubmitOfferDto } from './submit-offer.dto';
import { SubmitOfferCommand, SubmitOfferHandler } from './submit-offer.handler';

const ORG = 'GB-CHC-202918';
const actor = { sub: `user-of-${ORG}`, roles: ['ngo' as const], organizationId: ORG };
const context = (idempotencyKey?: string): CommandContext => ({
  actor,
  correlationId: 'c-1',
  now: '2026-01-01T00:00:00.000Z',
  ...(idempotencyKey && { idempotencyKey }),
});
const offer = (amount = { amount: '1000.00', currency: 'USD' }) =>
  plainToInstance(SubmitOfferDto, {
    summary: 'Two facilitators',
    amount,
    startDate: '2026-07-01',
    endDate: '2026-07-21',
  });
const body = offer();
const meta = {
  actor: { sub: 'officer-1', roles: ['officer'] },
  correlationId: 'c',
  occurredAt: '2026-01-01T00:00:00Z',
  schemaVersion: 1,
};

describe('SubmitOfferHandler', () => {
  let store: EventStore;
  let handler: SubmitOfferHandler;

  beforeEach(async () => {
    // From the template of a fresh data directory: no initdb for each test.
    store = await openEventStore({ kind: 'pglite', database: (await createTestDatabase('pglite')).db });
    handler = new SubmitOfferHandler(new StreamWriter(store));
    await store.appendToStream(
      `organization-${ORG}`,
      [
        {
          type: 'OrganizationRegistered',
          data: { organizationId: ORG, name: 'P', country: 'GB', tracks: [2], contactEmail: 'pd:v1:x' },
          metadata: meta,
        },
        {
          type: 'OrganizationVetted',
          data: { organizationId: ORG, note: 'ok', vettedBy: 'officer-1' },
          metadata: meta,
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await store.appendToStream(
      'request-req-1',
      [
        {
          type: 'HelpRequestPublished',
          data: {
            requestId: 'req-1',
            title: 't',
            description: 'd',
            tracks: [2],
            country: 'CO',
            budget: { amount: '5000.00', currency: 'USD' },
            neededBy: '2026-09-30',
            publishedBy: 'officer-1',
          },
          metadata: meta,
        },
      ],
      { expectedRevision: 'no_stream' },
    );
  });
  afterEach(() => store.close());

  const types = async (streamId: string) => (await store.readStream(streamId)).map((event) => event.type);

  it('records the offer on the request stream and submits it on its own stream', async () => {
    const result = await handler.execute(new SubmitOfferCommand('req-1', body, context()));
    expect(result).toMatchObject({ revision: 0 });
    const offerId = (result as { id: string }).id;
    expect(await types('request-req-1')).toEqual(['HelpRequestPublished', 'OfferReceived']);
    expect(await types(`offer-${offerId}`)).toEqual(['OfferSubmitted']);
  });

  it('leaves no trace on the request when the offer itself is refused', async () => {
    const refused = await handler.execute(
      new SubmitOfferCommand('req-1', offer({ amount: '1.00', currency: 'EUR' }), context()),
    );
    expect(refused).toMatchObject({ kind: 'DomainError', rule: 'money.currency-mismatch' });
    expect(await types('request-req-1')).toEqual(['HelpRequestPublished']);
  });

  it('completes a retry with the same Idempotency-Key as the same offer, recording nothing twice', async () => {
    const first = await handler.execute(new SubmitOfferCommand('req-1', body, context('key-1')));
    const retry = await handler.execute(new SubmitOfferCommand('req-1', body, context('key-1')));
    expect(retry).toEqual(first);
    expect(await types('request-req-1')).toEqual(['HelpRequestPublished', 'OfferReceived']);
  });

  it('refuses an offer once the request is matched', async () => {
    await store.appendToStream(
      'request-req-1',
      [{ type: 'RequestMatched', data: { requestId: 'req-1', matchId: 'm', offerId: 'o' }, metadata: meta }],
      { expectedRevision: 0 },
    );
    expect(await handler.execute(new SubmitOfferCommand('req-1', body, context()))).toMatchObject({
      rule: 'request.not-open',
    });
  });
});
