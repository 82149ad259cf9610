import { EventMetadata } from '../event-store.port';
import { helpRequestPublishedV1 } from './help-request-published.v1';
import { createUpcasting } from './upcaster';
import { currentSchemaVersion } from './index';

const metadata = (schemaVersion: number): EventMetadata => ({
  actor: { sub: 'officer-1', roles: ['officer'] },
  correlationId: 'c',
  occurredAt: '2024-01-01T00:00:00.000Z',
  schemaVersion,
});
const upcast = createUpcasting([helpRequestPublishedV1]);
const published = (data: Record<string, unknown>, schemaVersion = 1) => ({
  type: 'HelpRequestPublished',
  data,
  metadata: metadata(schemaVersion),
});

describe('HelpRequestPublished schema version 1', () => {
  it('becomes version 2 with the budget as Money in the currency’s minor digits', () => {
    expect(upcast(published({ title: 'Generators', budget: 150000, currency: 'USD' }))).toEqual(
      published({ title: 'Generators', budget: { amount: '1500.00', currency: 'USD' } }, 2),
    );
    expect(upcast(published({ budget: 150000, currency: 'JPY' })).data.budget).toEqual({
      amount: '150000',
      currency: 'JPY',
    });
    expect(upcast(published({ budget: 5, currency: 'KWD' })).data.budget).toEqual({
      amount: '0.005',
      currency: 'KWD',
    });
  });

  it('leaves a version 1 event already in the Money shape as it is, only raising its version', () => {
    const money = { amount: '10.00', currency: 'EUR' };
    expect(upcast(published({ budget: money }))).toEqual(published({ budget: money }, 2));
  });

  it('leaves newer versions and other event types untouched', () => {
    const v2 = published({ budget: { amount: '1.00', currency: 'USD' } }, 2);
    const other = { type: 'OfferSubmitted', data: { budget: 1, currency: 'USD' }, metadata: metadata(1) };
    expect(upcast(v2)).toBe(v2);
    expect(upcast(other)).toBe(other);
  });

  it('refuses two upcasters for the same type and version', () => {
    expect(() => createUpcasting([helpRequestPublishedV1, helpRequestPublishedV1])).toThrow(
      'same type and schema version',
    );
  });
});

describe('the schema version new events are written with', () => {
  it('is one past the newest upcaster of the type, so upcasters never meet a new event', () => {
    expect(currentSchemaVersion('HelpRequestPublished')).toBe(2);
  });

  it('is 1 for a type that never changed shape', () => {
    expect(currentSchemaVersion('OfferSubmitted')).toBe(1);
  });
});
