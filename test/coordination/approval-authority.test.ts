/* eslint-disable @typescript-eslint/no-explicit-any -- the register and answers are untyped JSON */
import { money } from '../support/money';
import { writeDirectly } from '../support/write-directly';
import { approve, committedMatch, grantAuthority, tranche } from './support/approval-scene';
import {
  clientOf,
  startCoordinationApp,
  streamOf,
  tokenFor,
  tokens,
  usd,
  type Client,
  type CoordinationApp,
  type Tokens,
} from './support';

jest.setTimeout(180_000);

const later = '2099-12-31';

/** The register as the read model shows it, once it shows what `until` accepts. */
const registerWhen = async (api: Client, token: string, until: (items: any[]) => boolean) => {
  for (let attempt = 0; attempt < 200; attempt++) {
    const page = await api.get('/v1/approval-authorities?limit=500', { token });
    if (page.status === 200 && until(page.body.items)) return page.body.items as any[];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the register never showed what was expected');
};

const approvalEvent = async (app: CoordinationApp, matchId: string, disbursementId: string) =>
  (await streamOf(app.store, `match-${matchId}`)).find(
    (e) => e.type === 'DisbursementApproved' && e.data.disbursementId === disbursementId,
  );

/** The caller's queue once the match's read model reached `revision`. */
const queueAfter = async (api: Client, token: string, matchId: string, revision: number, reader: string) => {
  const seen = await api.get(`/v1/matches/${matchId}?minRevision=${revision}`, { token: reader });
  expect(seen.status).toBe(200);
  const page = await api.get('/v1/approvals?limit=500', { token });
  expect(page.status).toBe(200);
  return page.body.items as any[];
};

/** API.md, "Approval authority": in both modes officer identities are one after normalisation. */
describe.each(['pglite', 'postgres'] as const)('approval under any-officer (the default) on %s', (kind) => {
  let app: CoordinationApp;
  let api: Client;
  let t: Tokens;

  beforeAll(async () => {
    app = await startCoordinationApp(kind);
    api = clientOf(app.url);
    t = await tokens();
  });
  afterAll(() => app?.close());

  it('refuses the requester under another spelling of its name, and records the basis of an approval', async () => {
    const matchId = await committedMatch(api, t);
    const held = await tranche(api, t, matchId, '150000.00');
    expect(held.body.status).toBe('pending_approval');
    const shouting = await tokenFor(' OFFICER-1 ', ['officer']);
    const refused = await approve(api, shouting, matchId, held.body.id);
    expect({ status: refused.status, type: refused.body.type }).toEqual({
      status: 422,
      type: expect.stringMatching(/disbursement\.self-approval$/),
    });
    const approved = await approve(api, t.officer2, matchId, held.body.id);
    expect(approved.status).toBe(200);
    expect((await approvalEvent(app, matchId, held.body.id))?.data.authority).toEqual({
      basis: 'any-officer',
    });
  });

  it('leaves the requester’s own tranches out of its queue however its name is spelled', async () => {
    const matchId = await committedMatch(api, t);
    const held = await tranche(api, t, matchId, '150000.00');
    const shouting = await tokenFor(' OFFICER-1 ', ['officer']);
    const mine = await queueAfter(api, shouting, matchId, held.body.revision, t.officer);
    expect(mine.filter((item) => item.requestedBy === 'officer-1')).toEqual([]);
    const theirs = await queueAfter(api, t.officer2, matchId, held.body.revision, t.officer);
    expect(theirs.map((item) => item.disbursementId)).toContain(held.body.id);
  });

  it('counts the unreviewed releases of all the organisation’s matches against the threshold', async () => {
    const [first, second] = [await committedMatch(api, t), await committedMatch(api, t)];
    // Other tests released to ORG before: start a window of our own by asking above nothing else.
    const one = await tranche(api, t, first, '60000.00');
    const two = await tranche(api, t, second, '50000.00');
    expect(two.body.status).toBe('pending_approval');
    expect(one.status).toBe(201);
    const requested = (await streamOf(app.store, `match-${second}`)).find(
      (e) => e.type === 'DisbursementRequested',
    );
    expect(requested?.data.approvalReason).toBe('window-total-above-threshold');
  });
});

describe.each(['pglite', 'postgres'] as const)('approval under recorded authority on %s', (kind) => {
  let app: CoordinationApp;
  let api: Client;
  let t: Tokens;
  let officer3: string;

  beforeAll(async () => {
    app = await startCoordinationApp(kind, { DISBURSEMENT_APPROVAL_AUTHORITY: 'recorded' });
    api = clientOf(app.url);
    t = await tokens();
    officer3 = await tokenFor('officer-3', ['officer']);
  });
  afterAll(() => app?.close());

  it('needs an authority of at least the tranche, and records that the approval relied on its own', async () => {
    const granted = await grantAuthority(api, t, 'Officer-2', { limit: usd('200000.00'), validUntil: later });
    expect(granted.status).toBe(200);
    expect(granted.body.id).toBe('officer-2');
    const matchId = await committedMatch(api, t);
    const held = await tranche(api, t, matchId, '150000.00');
    const nobody = await approve(api, officer3, matchId, held.body.id);
    expect({ status: nobody.status, type: nobody.body.type }).toEqual({
      status: 422,
      type: expect.stringMatching(/approval\.beyond-authority$/),
    });
    expect(await approvalEvent(app, matchId, held.body.id)).toBeUndefined();
    expect((await approve(api, t.officer2, matchId, held.body.id)).status).toBe(200);
    expect((await approvalEvent(app, matchId, held.body.id))?.data.authority).toEqual({ basis: 'own' });
    const exercised = (await streamOf(app.store, 'authority-officer-2')).filter(
      (e) => e.type === 'ApprovalAuthorityExercised',
    );
    expect(exercised.map((e) => e.data)).toEqual([
      expect.objectContaining({
        approvedBy: 'officer-2',
        delegated: false,
        matchId,
        amount: usd('150000.00'),
      }),
    ]);
  });

  it('refuses a tranche above the limit, and one in a currency the limit is not in', async () => {
    await grantAuthority(api, t, 'officer-4', { limit: usd('120000.00') });
    await grantAuthority(api, t, 'officer-5', { limit: { amount: '900000.00', currency: 'EUR' } });
    const matchId = await committedMatch(api, t);
    const held = await tranche(api, t, matchId, '150000.00');
    for (const sub of ['officer-4', 'officer-5']) {
      const refused = await approve(api, await tokenFor(sub, ['officer']), matchId, held.body.id);
      expect({ sub, status: refused.status, rule: refused.body.rule }).toEqual({
        sub,
        status: 422,
        rule: 'approval.beyond-authority',
      });
    }
  });

  it('lets a delegate approve under the lender’s authority, never above it, and records from whom', async () => {
    await grantAuthority(api, t, 'lender', { limit: usd('200000.00') });
    const lender = await tokenFor('lender', ['officer']);
    const delegate = await tokenFor('delegate', ['officer']);
    const lent = await api.post(
      '/v1/approval-authorities/Lender/delegations',
      { to: 'Delegate', until: later, limit: usd('130000.00') },
      { token: lender },
    );
    expect(lent.status).toBe(201);
    const tooMuch = await api.post(
      '/v1/approval-authorities/lender/delegations',
      { to: 'delegate', until: later, limit: usd('200000.01') },
      { token: lender },
    );
    expect(tooMuch.body.rule).toBe('approval-authority.delegation-above-authority');
    const notYours = await api.post(
      '/v1/approval-authorities/lender/delegations',
      { to: 'officer-3', until: later },
      { token: officer3 },
    );
    expect(notYours.status).toBe(403);

    const matchId = await committedMatch(api, t);
    const held = await tranche(api, t, matchId, '120000.00');
    const above = await tranche(api, t, matchId, '140000.00');
    expect((await approve(api, delegate, matchId, above.body.id)).body.rule).toBe(
      'approval.beyond-authority',
    );
    expect((await approve(api, delegate, matchId, held.body.id)).status).toBe(200);
    expect((await approvalEvent(app, matchId, held.body.id))?.data.authority).toEqual({
      basis: 'delegated',
      delegatedBy: 'lender',
    });

    const items = await registerWhen(api, t.auditor, (all) => all.some((i) => i.sub === 'lender'));
    expect(items.find((i) => i.sub === 'lender')).toEqual({
      sub: 'lender',
      limits: [{ limit: usd('200000.00') }],
      delegations: [{ to: 'delegate', until: later, limit: usd('130000.00') }],
    });

    // Lowering the lender's limit lowers what it lent; revoking it revokes what it lent.
    await grantAuthority(api, t, 'lender', { limit: usd('115000.00') });
    const lowered = await committedMatch(api, t);
    const beyond = await tranche(api, t, lowered, '120000.00');
    const within = await tranche(api, t, lowered, '110000.00');
    expect((await approve(api, delegate, lowered, beyond.body.id)).body.rule).toBe(
      'approval.beyond-authority',
    );
    expect((await approve(api, delegate, lowered, within.body.id)).status).toBe(200);
    const revoked = await api.call('DELETE', '/v1/approval-authorities/LENDER?currency=USD', undefined, {
      token: t.admin,
    });
    expect(revoked.status).toBe(200);
    const last = await tranche(api, t, await committedMatch(api, t), '105000.00');
    expect(last.body.status).toBe('pending_approval');
    expect((await approve(api, delegate, last.body.matchId, last.body.id)).body.rule).toBe(
      'approval.beyond-authority',
    );
    expect((await approve(api, lender, last.body.matchId, last.body.id)).body.rule).toBe(
      'approval.beyond-authority',
    );
    const again = await api.call('DELETE', '/v1/approval-authorities/lender?currency=USD', undefined, {
      token: t.admin,
    });
    expect({ status: again.status, rule: again.body.rule }).toEqual({
      status: 404,
      rule: 'approval-authority.not-found',
    });
    await registerWhen(api, t.officer, (all) => !all.some((i) => i.sub === 'lender'));
  });

  it('refuses the requester even when its own authority covers the tranche, and lending to itself', async () => {
    await grantAuthority(api, t, 'officer-1', { limit: usd('500000.00') });
    const matchId = await committedMatch(api, t);
    const held = await tranche(api, t, matchId, '150000.00');
    const own = await approve(api, t.officer, matchId, held.body.id);
    expect({ status: own.status, rule: own.body.rule }).toEqual({
      status: 422,
      rule: 'disbursement.self-approval',
    });
    expect(await approvalEvent(app, matchId, held.body.id)).toBeUndefined();
    const toItself = await api.post(
      '/v1/approval-authorities/officer-1/delegations',
      { to: ' Officer-1 ', until: later },
      { token: t.officer },
    );
    expect({ status: toItself.status, rule: toItself.body.rule }).toEqual({
      status: 422,
      rule: 'approval-authority.self-delegation',
    });
    const past = await api.post(
      '/v1/approval-authorities/officer-1/delegations',
      { to: 'officer-3', until: '2020-01-01' },
      { token: t.officer },
    );
    expect({ status: past.status, rule: past.body.rule }).toEqual({
      status: 422,
      rule: 'approval-authority.until-past',
    });
    expect((await streamOf(app.store, 'authority-officer-1')).map((e) => e.type)).toEqual([
      'ApprovalAuthorityGranted',
    ]);
  });

  it('refuses an approval under an authority whose validity ended before the approval’s day', async () => {
    // Given an authority granted in January, valid until the end of that month (the API refuses a
    // validity already past, so the grant is decided as it was then)
    await writeDirectly(
      app.store,
      'authority',
      'expired-officer',
      {
        type: 'GrantApprovalAuthority',
        data: { officer: 'expired-officer', limit: money('500000.00'), validUntil: '2026-01-31' },
      },
      { sub: 'admin-1', roles: ['admin'] },
      { now: '2026-01-02T09:00:00.000Z' },
    );
    const matchId = await committedMatch(api, t);
    const held = await tranche(api, t, matchId, '150000.00');
    // When its officer approves today, then it is beyond its authority and nothing is recorded
    const expired = await approve(api, await tokenFor('expired-officer', ['officer']), matchId, held.body.id);
    expect({ status: expired.status, rule: expired.body.rule }).toEqual({
      status: 422,
      rule: 'approval.beyond-authority',
    });
    expect(await approvalEvent(app, matchId, held.body.id)).toBeUndefined();
  });

  it('lists in the queue only the tranches the caller’s authority covers', async () => {
    await grantAuthority(api, t, 'queue-officer', { limit: usd('120000.00') });
    const token = await tokenFor('Queue-Officer', ['officer']);
    const matchId = await committedMatch(api, t);
    const small = await tranche(api, t, matchId, '110000.00');
    const large = await tranche(api, t, matchId, '150000.00');
    const queue = (await queueAfter(api, token, matchId, large.body.revision, t.officer)).map(
      (item) => item.disbursementId,
    );
    expect(queue).toContain(small.body.id);
    expect(queue).not.toContain(large.body.id);
    const none = await queueAfter(api, officer3, matchId, large.body.revision, t.officer);
    expect(none.filter((item) => item.matchId === matchId)).toEqual([]);
  });

  it('answers a retried PUT with its first answer and records it once', async () => {
    const headers = { 'Idempotency-Key': 'grant-officer-7' };
    const first = await grantAuthority(api, t, 'officer-7', { limit: usd('1000.00') }, headers);
    const second = await grantAuthority(api, t, 'officer-7', { limit: usd('1000.00') }, headers);
    expect(second.body).toEqual(first.body);
    expect(await streamOf(app.store, 'authority-officer-7')).toHaveLength(1);
    const changed = await grantAuthority(api, t, 'officer-7', { limit: usd('2000.00') }, headers);
    expect(changed.status).toBe(422);
  });

  it('refuses bad input with a 400 naming the field, and a past validity with a 422', async () => {
    const cases = [
      await grantAuthority(api, t, 'officer-8', { limit: usd('1.00'), validUntil: '2025-02-30' }),
      await grantAuthority(api, t, 'officer-8', { limit: { amount: '1e5', currency: 'USD' } }),
      await api.call(
        'PUT',
        '/v1/approval-authorities/officer-8',
        { limit: usd('1.00'), extra: 1 },
        { token: t.admin },
      ),
      await api.call('DELETE', '/v1/approval-authorities/officer-8?currency=XXQ', undefined, {
        token: t.admin,
      }),
    ];
    expect(cases.map((answer) => answer.status)).toEqual([400, 400, 400, 400]);
    const past = await grantAuthority(api, t, 'officer-8', { limit: usd('1.00'), validUntil: '2020-01-01' });
    expect(past.body.rule).toBe('approval-authority.valid-until-past');
  });
});
