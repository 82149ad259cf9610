import { createTestDatabase, TestDatabase } from '@multitrack/database';
import { IdempotencyStore } from './idempotency.store';
import { keyReused } from './idempotency.problems';
import { takeTurn } from './take-turn';

let keys = 0;
const newScope = () => ({ principal: 'officer-1', route: 'POST /v1/matches', key: `k-${++keys}` });
const answer = (status: number) => ({ status, headers: {}, body: { status } });

describe.each(['postgres', 'pglite'] as const)('the idempotency store on %s', (kind) => {
  let test: TestDatabase;
  let store: IdempotencyStore;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
    store = await IdempotencyStore.open(test.db);
  });
  afterAll(async () => {
    store.close();
    await test.drop();
  });

  const age = (scope: ReturnType<typeof newScope>, hours: number) =>
    test.db.query(
      `UPDATE idempotency_keys SET created_at = now() - make_interval(hours => $4)
        WHERE principal = $1 AND route = $2 AND key = $3`,
      [scope.principal, scope.route, scope.key, hours],
    );

  it('forgets a key past its retention: it is free again, even for another body, and the purge removes it', async () => {
    const scope = newScope();
    const first = await store.claim(scope, 'hash-a', 60_000);
    await store.complete(scope, first!, answer(201));
    await age(scope, 23);
    expect(await store.find(scope)).toMatchObject({ state: 'completed' });
    await age(scope, 25);
    expect(await store.find(scope)).toBeUndefined();
    const again = await store.claim(scope, 'hash-b', 60_000);
    expect(again).toBeDefined();
    expect(await store.find(scope)).toEqual({ state: 'in_progress', requestHash: 'hash-b' });

    const other = newScope();
    await store.complete(other, (await store.claim(other, 'hash-c', 60_000))!, answer(201));
    await age(other, 25);
    expect(await store.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await store.claim(other, 'hash-d', 60_000)).toBeDefined();
  });

  it('lets one claim win and keeps its answer', async () => {
    const scope = newScope();
    const claimId = await store.claim(scope, 'hash-a', 60_000);
    const second = await store.claim(scope, 'hash-a', 60_000);
    await store.complete(scope, claimId!, answer(201));

    expect(second).toBeUndefined();
    expect(await store.find(scope)).toEqual({
      state: 'completed',
      requestHash: 'hash-a',
      response: answer(201),
    });
  });

  it('takes over a claim abandoned by a crashed process, and ignores the old claimant afterwards', async () => {
    const scope = newScope();
    const abandoned = await store.claim(scope, 'hash-a', 60_000);
    const takeover = await store.claim(scope, 'hash-a', 0);
    await store.complete(scope, abandoned!, answer(500));
    await store.release(scope, abandoned!);
    await store.complete(scope, takeover!, answer(201));

    expect(takeover).toBeDefined();
    expect(await store.find(scope)).toMatchObject({ state: 'completed', response: answer(201) });
  });

  it('tells a waiting request about a different body at once, and stops waiting after waitMs', async () => {
    const scope = newScope();
    await store.claim(scope, 'hash-a', 60_000);
    const timing = { waitMs: 50, staleAfterMs: 60_000 };

    await expect(takeTurn(store, scope, 'hash-b', timing)).rejects.toEqual(keyReused());
    await expect(takeTurn(store, scope, 'hash-a', timing)).rejects.toMatchObject({
      problem: { status: 409 },
      headers: { 'Retry-After': '1' },
    });
  });
});
