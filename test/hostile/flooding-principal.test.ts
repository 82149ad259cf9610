import { clientOf, startCoordinationApp, tokenFor, type Client, type CoordinationApp } from '../coordination/support';

const LIMIT = 30;

// Rate limits are per principal (`sub`): one caller over its limit must not lock out another.
// Latency under a flood is a benchmark (bench/http), not an assertion here.
describe('one principal flooding the API (RATE_LIMIT_PER_MINUTE=30)', () => {
  let app: CoordinationApp;
  let api: Client;

  beforeAll(async () => {
    app = await startCoordinationApp('pglite', { RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    api = clientOf(app.url);
  }, 60_000);
  afterAll(() => app?.close(), 60_000);

  it('answers the flooder 429 with Retry-After once over its limit, while another officer is still served', async () => {
    const flooder = await tokenFor('officer-flooding', ['officer']);
    const steady = await tokenFor('officer-steady', ['officer']);

    const flood = await Promise.all(Array.from({ length: LIMIT * 3 }, () => api.get('/v1/requests?limit=1', { token: flooder })));
    const served = await api.get('/v1/requests?limit=1', { token: steady });

    const statuses = flood.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(LIMIT * 2);
    const refused = flood.find((answer) => answer.status === 429)!;
    expect(refused.contentType).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(served.status).toBe(200);
  });
});
