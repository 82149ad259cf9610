import {
  clientOf,
  startCoordinationApp,
  tokenFor,
  type Client,
  type CoordinationApp,
} from '../coordination/support';

const LIMIT = 30;
const HOLD_MS = 400;

// Rate limits are per principal (`sub`): one caller over its limit must not lock out another.
// Latency under a flood is a benchmark (bench/http), not an assertion here.
describe('one principal flooding the API (RATE_LIMIT_PER_MINUTE=30)', () => {
  let app: CoordinationApp;
  let api: Client;

  beforeAll(async () => {
    app = await startCoordinationApp('pglite', {
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      // The whole minute may go in one second here: this is the minute's limit (the burst cap
      // under it has its own spec in create-http-app.spec.ts).
      RATE_LIMIT_BURST_PER_SECOND: String(LIMIT),
      RATE_LIMIT_HOLD_MS: String(HOLD_MS),
    });
    api = clientOf(app.url);
  }, 60_000);
  afterAll(() => app?.close(), 60_000);

  it('answers the flooder 429 with Retry-After once over its limit, while another officer is still served', async () => {
    const flooder = await tokenFor('officer-flooding', ['officer']);
    const steady = await tokenFor('officer-steady', ['officer']);

    const flood = Promise.all(
      Array.from({ length: LIMIT * 3 }, async () => {
        const sent = Date.now();
        const answer = await api.get('/v1/requests?limit=1', { token: flooder });
        return { ...answer, tookMs: Date.now() - sent };
      }),
    );
    // Asked while the flooder's refusals are being held: served at once, not after them.
    const served = await api.get('/v1/requests?limit=1', { token: steady });
    const floodAnswers = await flood;

    const statuses = floodAnswers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(LIMIT * 2);
    const refused = floodAnswers.find((answer) => answer.status === 429)!;
    expect(refused.contentType).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(served.status).toBe(200);
    // Each refusal was held before it went out, so an impatient client slows only itself down.
    for (const answer of floodAnswers.filter(({ status }) => status === 429))
      expect(answer.tookMs).toBeGreaterThanOrEqual(HOLD_MS - 5);
  });
});
