import { reconcile } from '../../apps/audit-api/src/reconciliation/reconcile';
import {
  clientOf,
  fundedMatch,
  fundingScene,
  startCoordinationApp,
  type Client,
  type CoordinationApp,
  type Tokens,
  tokens,
  usd,
} from './support';

jest.setTimeout(90_000);

/**
 * API.md "Budget lines, reviewed reports, tranches that wait for a report", on both modes: the
 * budget (PUT, its 400s and 422, If-Match and Idempotency-Key), reports by line and their
 * replacements, the one review per report, the match's reports and budget-vs-actual as each role
 * sees them, the gate of `reportBetweenTranches`, and an old report (schema version 1) that
 * still reads. The read models agree with the log at the end (the audit's reconciliation).
 */
describe.each(['pglite', 'postgres'] as const)('budget lines and reviewed reports on %s', (kind) => {
  let app: CoordinationApp;
  let api: Client;
  let t: Tokens;

  beforeAll(async () => {
    app = await startCoordinationApp(kind);
    api = clientOf(app.url);
    t = await tokens();
  });
  afterAll(() => app?.close());

  /** A match with 1000.00 USD committed; `reportBetweenTranches` when asked. */
  const funded = async (extra: { reportBetweenTranches?: boolean } = {}) =>
    (await fundedMatch(api, t, '1000.00', extra)).matchId;
  const line = (code: string, amount: string) => ({ code, description: `for ${code}`, amount: usd(amount) });
  const putBudget = (
    matchId: string,
    lines: unknown[],
    options: { token?: string; headers?: Record<string, string> } = {},
  ) => api.put(`/v1/matches/${matchId}/budget`, { lines }, { token: t.officer, ...options });
  const report = (matchId: string, amount: string, extra: Record<string, unknown> = {}, token = t.ngo) =>
    api.post(
      `/v1/matches/${matchId}/expenditure-reports`,
      {
        amount: usd(amount),
        description: 'workshops',
        period: { from: '2026-07-01', to: '2026-07-31' },
        ...extra,
      },
      { token },
    );
  const review = (matchId: string, reportId: string, decision = 'accepted', token = t.officer) =>
    api.post(
      `/v1/matches/${matchId}/expenditure-reports/${reportId}/review`,
      { decision, note: 'receipts checked' },
      { token },
    );
  const disburse = (matchId: string, amount: string) =>
    api.post(
      `/v1/matches/${matchId}/disbursements`,
      { amount: usd(amount), reference: 'PAY-1' },
      { token: t.officer },
    );
  const matchAt = async (matchId: string, revision: number) =>
    (await api.get(`/v1/matches/${matchId}?minRevision=${revision}`, { token: t.auditor })).body;

  describe('PUT /v1/matches/{id}/budget', () => {
    it('sets the lines, honours If-Match and replays an Idempotency-Key', async () => {
      const matchId = await funded();
      const set = await putBudget(matchId, [line('STAFF', '600.00'), line('VENUE', '400.00')]);
      expect(set).toMatchObject({ status: 200, body: { id: matchId } });
      const stale = await putBudget(matchId, [line('STAFF', '1.00')], {
        headers: { 'if-match': `"${set.body.revision - 1}"` },
      });
      expect(stale.status).toBe(412);
      const keyed = { 'idempotency-key': `budget-${matchId}` };
      const first = await putBudget(matchId, [line('STAFF', '500.00')], {
        headers: { ...keyed, 'if-match': `"${set.body.revision}"` },
      });
      expect(first.status).toBe(200);
      const again = await putBudget(matchId, [line('STAFF', '500.00')], { headers: keyed });
      expect(again.body).toEqual(first.body);
      const read = await api.get(
        `/v1/matches/${matchId}/budget-vs-actual?minRevision=${first.body.revision}`,
        { token: t.officer },
      );
      expect(read).toMatchObject({
        status: 200,
        body: {
          lines: [
            {
              code: 'STAFF',
              description: 'for STAFF',
              budget: usd('500.00'),
              reported: usd('0.00'),
              accepted: usd('0.00'),
              variance: usd('500.00'),
            },
          ],
          unbudgeted: usd('0.00'),
        },
      });
    });

    it('answers 400 naming the field for a bad or repeated code, 422 above the committed funds', async () => {
      const matchId = await funded();
      const badCode = await putBudget(matchId, [line('has space', '1.00')]);
      expect(badCode.status).toBe(400);
      expect(badCode.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'lines[0].code' })]),
      );
      const tooLong = await putBudget(matchId, [line('x'.repeat(33), '1.00')]);
      expect(tooLong.status).toBe(400);
      const twice = await putBudget(matchId, [line('A', '1.00'), line('A', '2.00')]);
      expect(twice.status).toBe(400);
      expect(twice.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'lines' })]),
      );
      const unknown = await api.put(
        `/v1/matches/${matchId}/budget`,
        { lines: [], extra: 1 },
        { token: t.officer },
      );
      expect(unknown.status).toBe(400);
      const over = await putBudget(matchId, [line('A', '600.00'), line('B', '400.01')]);
      expect(over).toMatchObject({ status: 422, body: { rule: 'budget.over-committed' } });
      expect(over.body.type).toMatch(/budget\.over-committed$/);
    });

    it('is for officers: an NGO gets 403; an unknown match is a 404', async () => {
      const matchId = await funded();
      expect((await putBudget(matchId, [line('A', '1.00')], { token: t.ngo })).status).toBe(403);
      expect((await putBudget('no-such-match', [line('A', '1.00')])).status).toBe(404);
    });
  });

  it('never leaves the budget above committed when a budget and a decommitment race', async () => {
    for (let round = 0; round < 3; round++) {
      const matchId = await funded();
      const [budget, decommitment] = await Promise.all([
        putBudget(matchId, [line('ALL', '1000.00')]),
        api.post(
          `/v1/matches/${matchId}/decommitments`,
          { amount: usd('300.00'), reason: 'less' },
          { token: t.officer },
        ),
      ]);
      // Both together would plan 1000.00 on 700.00 committed: exactly one is decided second and refused.
      expect([budget.status, decommitment.status].sort()).toEqual(
        budget.status === 200 ? [200, 422] : [201, 422],
      );
      expect([budget, decommitment].find((answer) => answer.status === 422)?.body.rule).toBe(
        'budget.over-committed',
      );
    }
  });

  describe('expenditure reports by line, replaced and reviewed', () => {
    it('answers the reportId, refuses lines that do not add up or are not in the budget', async () => {
      const matchId = await funded();
      await putBudget(matchId, [line('STAFF', '600.00'), line('VENUE', '400.00')]);
      const lines = [
        { code: 'STAFF', amount: usd('100.00') },
        { code: 'VENUE', amount: usd('50.00') },
      ];
      const mismatch = await report(matchId, '151.00', { lines });
      expect(mismatch).toMatchObject({ status: 422, body: { rule: 'report.lines-mismatch' } });
      const stranger = await report(matchId, '10.00', { lines: [{ code: 'TRAVEL', amount: usd('10.00') }] });
      expect(stranger).toMatchObject({ status: 422, body: { rule: 'report.unknown-budget-line' } });
      const badCode = await report(matchId, '10.00', {
        lines: [{ code: 'no spaces', amount: usd('10.00') }],
      });
      expect(badCode.status).toBe(400);
      const filed = await report(matchId, '150.00', { lines });
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({ id: matchId, reportId: expect.any(String) });
      const keyed = { token: t.ngo, headers: { 'idempotency-key': `report-${matchId}` } };
      const body = {
        amount: usd('5.00'),
        description: 'tea',
        period: { from: '2026-07-01', to: '2026-07-02' },
      };
      const once = await api.post(`/v1/matches/${matchId}/expenditure-reports`, body, keyed);
      const twice = await api.post(`/v1/matches/${matchId}/expenditure-reports`, body, keyed);
      expect(twice.body).toEqual(once.body);
      expect(once.body.reportId).not.toBe(filed.body.reportId);
      const match = await matchAt(matchId, once.body.revision);
      expect(match.reports).toEqual([
        { id: filed.body.reportId, amount: usd('150.00'), status: 'submitted', lines },
        { id: once.body.reportId, amount: usd('5.00'), status: 'submitted' },
      ]);
    });

    it('reviews once; a replacement replaces; budget-vs-actual and the match show it all', async () => {
      const matchId = await funded();
      await putBudget(matchId, [line('STAFF', '600.00'), line('VENUE', '400.00')]);
      const first = await report(matchId, '300.00', { lines: [{ code: 'STAFF', amount: usd('300.00') }] });
      const sentBack = await review(matchId, first.body.reportId, 'changes_requested');
      expect(sentBack).toMatchObject({ status: 200, body: { id: matchId } });
      const again = await review(matchId, first.body.reportId, 'accepted');
      expect(again).toMatchObject({ status: 422, body: { rule: 'report.already-reviewed' } });
      const replacement = await report(matchId, '250.00', {
        lines: [
          { code: 'STAFF', amount: usd('200.00') },
          { code: 'VENUE', amount: usd('50.00') },
        ],
        replaces: first.body.reportId,
      });
      expect(replacement.status).toBe(201);
      expect((await review(matchId, first.body.reportId)).body.rule).toBe('report.replaced');
      expect((await review(matchId, 'no-such-report')).status).toBe(404);
      expect((await review(matchId, replacement.body.reportId, 'accepted', t.ngo)).status).toBe(403);
      const unlined = await report(matchId, '20.00');
      const accepted = await review(matchId, replacement.body.reportId);
      expect(accepted.status).toBe(200);
      const match = await matchAt(matchId, accepted.body.revision);
      expect(match).toMatchObject({
        reportedExpenditure: usd('270.00'),
        acceptedExpenditure: usd('250.00'),
        reports: [
          { id: first.body.reportId, status: 'replaced' },
          { id: replacement.body.reportId, status: 'accepted' },
          { id: unlined.body.reportId, status: 'submitted' },
        ],
      });
      expect(match.reports[2].lines).toBeUndefined();
      const expected = {
        lines: [
          {
            code: 'STAFF',
            description: 'for STAFF',
            budget: usd('600.00'),
            reported: usd('200.00'),
            accepted: usd('200.00'),
            variance: usd('400.00'),
          },
          {
            code: 'VENUE',
            description: 'for VENUE',
            budget: usd('400.00'),
            reported: usd('50.00'),
            accepted: usd('50.00'),
            variance: usd('350.00'),
          },
        ],
        unbudgeted: usd('20.00'),
      };
      for (const token of [t.officer, t.auditor, t.ngo]) {
        expect((await api.get(`/v1/matches/${matchId}/budget-vs-actual`, { token })).body).toEqual(expected);
      }
      expect((await api.get(`/v1/matches/${matchId}/budget-vs-actual`, { token: t.otherNgo })).status).toBe(
        404,
      );
      expect((await api.get(`/v1/matches/${matchId}/budget-vs-actual`, { token: t.admin })).status).toBe(403);
    });

    it('takes one of two concurrent reviews of a report and refuses the other', async () => {
      const matchId = await funded();
      const filed = await report(matchId, '10.00');
      const answers = await Promise.all([
        review(matchId, filed.body.reportId, 'accepted'),
        review(matchId, filed.body.reportId, 'changes_requested', t.officer2),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
      expect(answers.find((a) => a.status === 422)?.body.rule).toBe('report.already-reviewed');
    });

    it('names an old report (schema version 1, no reportId) by its event id, and reviews it by that id', async () => {
      const matchId = await funded();
      const head = (await app.store.readStream(`match-${matchId}`)).slice(-1)[0].revision;
      const [written] = await app.store.appendToStreams([
        {
          streamId: `match-${matchId}`,
          expectedRevision: head,
          events: [
            {
              type: 'ExpenditureReported',
              data: {
                matchId,
                amount: usd('40.00'),
                description: 'written before reviewed reports',
                period: { from: '2026-07-01', to: '2026-07-31' },
                reportedBy: 'user-of-GB-CHC-202918',
              },
              metadata: {
                actor: { sub: 'user-of-GB-CHC-202918', roles: ['ngo'], organizationId: 'GB-CHC-202918' },
                correlationId: 'legacy',
                occurredAt: new Date().toISOString(),
                schemaVersion: 1,
              },
            },
          ],
        },
      ]);
      const [stored] = (await app.store.readStream(`match-${matchId}`)).slice(-1);
      expect(stored.data.reportId).toBe(stored.eventId);
      const match = await matchAt(matchId, written.nextRevision);
      expect(match.reports).toEqual([{ id: stored.eventId, amount: usd('40.00'), status: 'submitted' }]);
      const accepted = await review(matchId, stored.eventId);
      expect(accepted.status).toBe(200);
      expect((await matchAt(matchId, accepted.body.revision)).acceptedExpenditure).toEqual(usd('40.00'));
    });
  });

  describe('reportBetweenTranches', () => {
    it('refuses a second tranche until a report after the first is accepted', async () => {
      const matchId = await funded({ reportBetweenTranches: true });
      expect((await disburse(matchId, '100.00')).status).toBe(201);
      const early = await disburse(matchId, '100.00');
      expect(early).toMatchObject({ status: 422, body: { rule: 'match.report-required' } });
      expect(early.body.type).toMatch(/match\.report-required$/);
      const filed = await report(matchId, '90.00');
      expect((await disburse(matchId, '100.00')).body.rule).toBe('match.report-required');
      await review(matchId, filed.body.reportId);
      const second = await disburse(matchId, '100.00');
      expect(second.status).toBe(201);
      expect((await matchAt(matchId, second.body.revision)).reportBetweenTranches).toBe(true);
      expect((await disburse(matchId, '100.00')).body.rule).toBe('match.report-required');
    });

    it('is off by default', async () => {
      const matchId = await funded();
      expect((await disburse(matchId, '100.00')).status).toBe(201);
      expect((await disburse(matchId, '100.00')).status).toBe(201);
    });

    it('must be a boolean', async () => {
      const scene = await fundingScene(api, t);
      const made = await api.post(
        '/v1/matches',
        { requestId: scene.requestId, offerId: scene.offerId, reportBetweenTranches: 'yes' },
        { token: t.officer },
      );
      expect(made.status).toBe(400);
    });
  });

  it('leaves the read models and the money invariants consistent with the log (the audit reconciliation)', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reconciliation = await reconcile(app.store, app.db);
    expect(reconciliation.differences).toEqual([]);
    expect(reconciliation.consistent).toBe(true);
  });
});
