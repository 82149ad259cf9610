import { validate as isUuid } from 'uuid';
import { entityIdFor } from './entity-id';

describe('entityIdFor', () => {
  const scope = { sub: 'officer-1', route: 'POST /v1/requests', idempotencyKey: 'k-1' };

  it('gives a retried command (same caller, route and key) the same id', () =>
    expect(entityIdFor(scope)).toBe(entityIdFor({ ...scope })));

  it.each([
    ['caller', { sub: 'officer-2' }],
    ['route', { route: 'POST /v1/requests/r-1/offers' }],
    ['key', { idempotencyKey: 'k-2' }],
  ])('gives another %s another id', (_, change) =>
    expect(entityIdFor({ ...scope, ...change })).not.toBe(entityIdFor(scope)));

  it('gives a fresh random UUID to each command without a key', () => {
    const a = entityIdFor({ sub: 'officer-1', route: 'POST /v1/requests' });
    const b = entityIdFor({ sub: 'officer-1', route: 'POST /v1/requests' });
    expect(isUuid(a) && isUuid(b)).toBe(true);
    expect(a).not.toBe(b);
  });
});
