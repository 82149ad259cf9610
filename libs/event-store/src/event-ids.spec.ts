import { eventIdFor, isRetryable } from './event-ids';
import { NewEvent } from './event-store.port';

const withKey = (idempotencyKey?: string): NewEvent => ({
  type: 'OfferSubmitted',
  data: {},
  metadata: {
    actor: { sub: 'ngo-1', roles: ['ngo'] },
    correlationId: 'c',
    occurredAt: '2025-03-01T00:00:00Z',
    schemaVersion: 1,
    idempotencyKey,
  },
});

describe('event ids', () => {
  it('derive the same UUID v5 from the same idempotency key, stream and place in the batch', () => {
    const id = eventIdFor(withKey('k-1'), 'offer-1', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(eventIdFor(withKey('k-1'), 'offer-1', 0)).toBe(id);
    expect(eventIdFor(withKey('k-1'), 'offer-1', 1)).not.toBe(id);
    expect(eventIdFor(withKey('k-1'), 'offer-2', 0)).not.toBe(id);
    expect(eventIdFor(withKey('k-2'), 'offer-1', 0)).not.toBe(id);
  });

  it('are random without an idempotency key, and the caller’s own id wins', () => {
    expect(eventIdFor(withKey(), 'offer-1', 0)).not.toBe(eventIdFor(withKey(), 'offer-1', 0));
    expect(eventIdFor({ ...withKey('k'), eventId: 'given' }, 'offer-1', 0)).toBe('given');
  });

  it('make a batch retry-able only when every event has a deterministic id', () => {
    expect(isRetryable([withKey('k'), { ...withKey(), eventId: 'x' }])).toBe(true);
    expect(isRetryable([withKey('k'), withKey()])).toBe(false);
  });
});
