import { Client } from 'pg';
import { HeavyWork } from '../../apps/audit-api/src/capacity/heavy-work';
import { AuditApp, openAuditApp } from './harness';
import { seedFundingStory } from './seed';

jest.setTimeout(120_000);

const until = async (condition: () => boolean) => {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error('condition not reached in 10 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

// PostgreSQL, so that a lock held from outside keeps the first heavy read running for as long as the test needs.
describe('heavy audit reads under load (PostgreSQL): one place, one waiting, one per caller', () => {
  let audit: AuditApp;
  let heavy: HeavyWork;
  let blocker: Client;

  beforeAll(async () => {
    audit = await openAuditApp('postgres', {
      AUDIT_HEAVY_CONCURRENCY: 1,
      AUDIT_HEAVY_QUEUE: 1,
      AUDIT_HEAVY_PER_CALLER: 1,
    });
    heavy = audit.app.get(HeavyWork);
    await seedFundingStory(audit.store, 1);
    await audit.settle();
    blocker = new Client({ connectionString: audit.databaseUrl });
  });
  afterAll(async () => {
    await blocker?.end().catch(() => undefined);
    await audit?.close();
  });

  const call = async (method: string, path: string, sub: string, role: 'auditor' | 'witness' = 'auditor') =>
    fetch(`${audit.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${await audit.token(role, sub)}` },
    });

  it('answers past the limits at once with 503 or 429 and Retry-After, serves transparency reads meanwhile, then runs what it took', async () => {
    const recordedBefore = await countReads();
    await blocker.connect();
    await blocker.query('BEGIN');
    // Every append waits for this lock: the first heavy read holds its place while recording.
    await blocker.query('LOCK TABLE events IN ACCESS EXCLUSIVE MODE');
    const running = call('POST', '/v1/audit/reconciliations', 'auditor-a');
    await until(() => heavy.state.running === 1);
    const waiting = call('GET', '/v1/audit/integrity', 'auditor-b');
    await until(() => heavy.state.waiting === 1);

    const busy = await call('GET', '/v1/audit/export/funding.csv', 'auditor-c');
    const greedy = await call('GET', '/v1/audit/ledger', 'auditor-b');
    const witness = await call('GET', '/v1/audit/checkpoints/latest', 'witness-1', 'witness');

    expect(busy.status).toBe(503);
    expect(busy.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(greedy.status).toBe(429);
    expect(Number(greedy.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(witness.status).toBe(200);
    expect(heavy.state).toEqual({ running: 1, waiting: 1 });

    await blocker.query('COMMIT');
    expect((await running).status).toBe(200);
    expect((await waiting).status).toBe(200);
    expect(heavy.state).toEqual({ running: 0, waiting: 0 });
    // The two refused reads were never served, so never recorded.
    expect((await countReads()) - recordedBefore).toBe(2);
  });

  const countReads = async () => {
    const { rows } = await audit.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM events WHERE type = 'AuditRecordRead'`,
    );
    return rows[0].count;
  };
});
