import { usd } from './support/scenario';
import { openMatchesApi, type MatchesApi } from './matches-harness';

const long = 'x'.repeat(10_001);

/** Bad input is a 400 naming the field, before any business rule or store is consulted. */
describe('matches: bad input is a 400 naming the field', () => {
  let api: MatchesApi;
  let officer: string;
  let ngo: string;
  let matchId: string;
  let trancheId: string;

  beforeAll(async () => {
    api = await openMatchesApi('pglite');
    officer = await api.token('alice', ['officer']);
    const org = await api.given.vettedOrganization();
    ngo = await api.token('ngo-user', ['ngo'], org);
    const requestId = await api.given.request(usd('1000.00'));
    const offerId = await api.given.offer(requestId, org, usd('1000.00'));
    matchId = (await api.call('POST', '/v1/matches', { token: officer, body: { requestId, offerId } })).body
      .id;
    await api.call('POST', `/v1/matches/${matchId}/commitments`, {
      token: officer,
      body: { amount: usd('1000.00') },
    });
    trancheId = (
      await api.call('POST', `/v1/matches/${matchId}/disbursements`, {
        token: officer,
        body: { amount: usd('10.00'), reference: 'P' },
      })
    ).body.id;
  }, 30_000);
  afterAll(() => api?.close());

  const badMoney: [string, unknown, string][] = [
    ['a number', 100, 'amount'],
    ['a number amount', { amount: 100, currency: 'USD' }, 'amount.amount'],
    ['a negative amount', usd('-5.00'), 'amount.amount'],
    ['an exponent', usd('1e5'), 'amount.amount'],
    ['more decimals than the currency has', usd('1.001'), 'amount.amount'],
    ['decimals in a currency without minor units', { amount: '5.5', currency: 'JPY' }, 'amount.amount'],
    ['an unknown currency', { amount: '5.00', currency: 'XYZ' }, 'amount.currency'],
    ['an unknown field inside', { ...usd('5.00'), rate: 1 }, 'amount.rate'],
  ];

  const writes = () => [
    {
      route: 'commitments',
      path: `/v1/matches/${matchId}/commitments`,
      token: officer,
      valid: { amount: usd('1.00') },
    },
    {
      route: 'disbursements',
      path: `/v1/matches/${matchId}/disbursements`,
      token: officer,
      valid: { amount: usd('1.00'), reference: 'P' },
    },
    {
      route: 'receipt',
      path: `/v1/matches/${matchId}/disbursements/${trancheId}/receipt`,
      token: ngo,
      valid: { amount: usd('1.00'), receivedOn: '2030-01-01' },
    },
    {
      route: 'expenditure-reports',
      path: `/v1/matches/${matchId}/expenditure-reports`,
      token: ngo,
      valid: { amount: usd('1.00'), description: 'd', period: { from: '2030-01-01', to: '2030-01-31' } },
    },
  ];

  const expect400 = async (path: string, token: string, body: unknown, field?: string) => {
    const reply = await api.call('POST', path, { token, body });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
    if (field) expect(reply.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  };

  it.each(['commitments', 'disbursements', 'receipt', 'expenditure-reports'])(
    '%s: refuses every malformed amount',
    async (route) => {
      const write = writes().find((w) => w.route === route)!;
      for (const [, amount, field] of badMoney)
        await expect400(write.path, write.token, { ...write.valid, amount }, field);
      const { amount: _, ...withoutAmount } = write.valid;
      await expect400(write.path, write.token, withoutAmount, 'amount');
      await expect400(write.path, write.token, { ...write.valid, surprise: true }, 'surprise');
      await expect400(write.path, write.token, '{"amount": ', undefined);
    },
  );

  it('disbursements: refuses a missing or over-long reference', async () => {
    const { path } = writes()[1];
    await expect400(path, officer, { amount: usd('1.00') }, 'reference');
    await expect400(path, officer, { amount: usd('1.00'), reference: long }, 'reference');
  });

  it('receipt: refuses a date that is not on the calendar', async () => {
    const { path } = writes()[2];
    for (const receivedOn of ['2030-02-30', '2030-1-1', '01/02/2030', 20300101]) {
      await expect400(path, ngo, { amount: usd('1.00'), receivedOn }, 'receivedOn');
    }
  });

  it('expenditure-reports: refuses a bad period and an over-long description', async () => {
    const { path, valid } = writes()[3];
    await expect400(path, ngo, { ...valid, period: { from: '2030-13-01', to: '2030-01-31' } }, 'period.from');
    await expect400(path, ngo, { ...valid, period: { from: '2030-01-01' } }, 'period.to');
    await expect400(path, ngo, { ...valid, period: undefined }, 'period');
    await expect400(path, ngo, { ...valid, period: [] }, 'period');
    await expect400(path, ngo, { ...valid, amount: [] }, 'amount');
    await expect400(path, ngo, { ...valid, description: long }, 'description');
    // A period that ends before it starts is well-formed: the domain names the rule.
    const backwards = await api.call('POST', path, {
      token: ngo,
      body: { ...valid, period: { from: '2030-02-01', to: '2030-01-01' } },
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.type).toMatch(/expenditure\.invalid-period$/);
  });

  it('matches: refuses a missing, mistyped or unknown field', async () => {
    await expect400('/v1/matches', officer, { requestId: 'r' }, 'offerId');
    await expect400('/v1/matches', officer, { requestId: 1, offerId: 'o' }, 'requestId');
    await expect400(
      '/v1/matches',
      officer,
      { requestId: 'r', offerId: 'o', organizationId: 'x' },
      'organizationId',
    );
  });

  it('approval: refuses any field in the body', async () => {
    await expect400(
      `/v1/matches/${matchId}/disbursements/${trancheId}/approval`,
      officer,
      { approvedBy: 'someone' },
      'approvedBy',
    );
  });

  it('refuses an If-Match that names no revision, and a reused Idempotency-Key with another body', async () => {
    const { path } = writes()[0];
    const badIfMatch = await api.call('POST', path, {
      token: officer,
      body: { amount: usd('1.00') },
      headers: { 'if-match': 'yesterday' },
    });
    expect(badIfMatch.status).toBe(400);
    const headers = { 'idempotency-key': 'reused' };
    const tranches = writes()[1].path;
    const send = (amount: string) =>
      api.call('POST', tranches, { token: officer, body: { amount: usd(amount), reference: 'P' }, headers });
    const first = await send('1.00');
    expect(first.body).toMatchObject({ status: 'disbursed' });
    expect((await send('1.00')).body).toEqual(first.body);
    expect((await send('2.00')).status).toBe(422);
  });

  it('answers a zero amount and a currency other than the match’s with the rule, not a 400', async () => {
    const { path } = writes()[0];
    const zero = await api.call('POST', path, { token: officer, body: { amount: usd('0.00') } });
    expect(zero.body.type).toMatch(/money\.not-positive$/);
    const euros = await api.call('POST', path, {
      token: officer,
      body: { amount: { amount: '1.00', currency: 'EUR' } },
    });
    expect(euros.body.type).toMatch(/money\.currency-mismatch$/);
  });

  it('answers a match or tranche that does not exist with 404', async () => {
    const unknown = await api.call('POST', '/v1/matches/no-such-match/commitments', {
      token: officer,
      body: { amount: usd('1.00') },
    });
    expect(unknown.status).toBe(404);
    const tranche = await api.call('POST', `/v1/matches/${matchId}/disbursements/no-such-tranche/approval`, {
      token: officer,
    });
    expect(tranche.status).toBe(404);
    expect((await api.call('GET', '/v1/matches/no-such-match', { token: officer })).status).toBe(404);
  });
});
