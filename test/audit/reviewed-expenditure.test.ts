import { parse } from 'csv-parse/sync';
import type { Actor } from '@multitrack/auth';
import { checkMoneyInvariants } from '../../apps/audit-api/src/reconciliation/money-invariants';
import { AuditApp, openAuditApp } from './harness';
import { untilInGlobalLog } from '../support/global-log';
import { money } from '../support/money';
import { execute, seedFundingStory } from './seed';

jest.setTimeout(120_000);

const officer: Actor = { sub: 'officer-1', roles: ['officer'] };
const period = { from: '2030-02-01', to: '2030-02-28' };

/**
 * The audit side of budget lines and reviewed reports (docs/audit.md): the exports count accepted
 * expenditure only, time travel shows the budget and the reports as they were, the ledger both
 * totals, and the money invariants hold over the log (the read models' side of the
 * reconciliation is in test/coordination/budget-and-reports.test.ts).
 */
describe.each(['postgres', 'pglite'] as const)('reviewed expenditure in the audit API on %s', (kind) => {
  let audit: AuditApp;
  let matchId: string;
  let organizationId: string;
  let beforeReview: string;

  beforeAll(async () => {
    audit = await openAuditApp(kind);
    ({ matchId, organizationId } = await seedFundingStory(audit.store, 1));
    const ngo: Actor = { sub: `user-of-${organizationId}`, roles: ['ngo'], organizationId };
    await execute(
      audit.store,
      'match',
      matchId,
      {
        type: 'SetBudget',
        data: { lines: [{ code: 'VENUE', description: 'Venue', amount: money('150000.00') }] },
      },
      officer,
    );
    const report = (reportId: string, amount: string, description: string, replaces?: string) =>
      execute(
        audit.store,
        'match',
        matchId,
        {
          type: 'ReportExpenditure',
          data: {
            reportId,
            amount: money(amount),
            description,
            period,
            lines: [{ code: 'VENUE', amount: money(amount) }],
            ...(replaces && { replaces }),
          },
        },
        ngo,
      );
    await report('rep-sent-back', '9000.00', 'Hall hire, first account');
    const review = (reportId: string, decision: 'accepted' | 'changes_requested', note: string) =>
      execute(
        audit.store,
        'match',
        matchId,
        { type: 'ReviewExpenditureReport', data: { reportId, decision, note } },
        officer,
      );
    await review('rep-sent-back', 'changes_requested', 'invoice missing');
    await report('rep-pending', '7000.00', 'Hall hire, corrected', 'rep-sent-back');
    await new Promise((resolve) => setTimeout(resolve, 20));
    beforeReview = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await report('rep-accepted', '4000.00', 'Catering, accepted');
    await review('rep-accepted', 'accepted', 'ok');
    await audit.settle();
  });
  afterAll(() => audit?.close());

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field below
  const json = async (path: string): Promise<any> => {
    const response = await audit.get(path);
    expect(response.status).toBeLessThan(300);
    return response.json();
  };

  it('exports as IATI type 4 only the accepted reports, not the sent-back, replaced or pending ones', async () => {
    const xml = await (await audit.get('/v1/audit/export/iati')).text();
    expect(xml).toContain('Catering, accepted');
    expect(xml).not.toContain('Hall hire');
    const [header, , ...rows] = parse(
      await (await audit.get('/v1/audit/export/funding.csv')).text(),
    ) as string[][];
    const column = (name: string) => header.indexOf(name);
    const spent = rows.filter((row) => row[column('status')] === 'spent');
    // The seeded story's own report (accepted) and the catering one.
    expect(spent.map((row) => row[column('description')]).sort()).toEqual([
      'Catering, accepted',
      'Venue and travel',
    ]);
  });

  it('rebuilds the budget and the reports as they were before the last review', async () => {
    const before = await json(`/v1/audit/entities/match-${matchId}?asOf=${encodeURIComponent(beforeReview)}`);
    expect(before.state.budget).toEqual([
      { code: 'VENUE', description: 'Venue', amount: { amount: '150000.00', currency: 'USD' } },
    ]);
    expect(before.state.reports.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      ['rep-1', 'accepted'],
      ['rep-sent-back', 'replaced'],
      ['rep-pending', 'submitted'],
    ]);
    expect(before.state.acceptedExpenditure).toEqual({ amount: '30000.00', currency: 'USD' });
    const now = await json(`/v1/audit/entities/match-${matchId}`);
    expect(now.state.acceptedExpenditure).toEqual({ amount: '34000.00', currency: 'USD' });
  });

  it('shows reported (not replaced) and accepted expenditure in the ledger, now and as of an instant', async () => {
    const now = await json('/v1/audit/ledger');
    expect(now.byMatch[0]).toMatchObject({
      reportedExpenditure: { amount: '41000.00' },
      acceptedExpenditure: { amount: '34000.00' },
    });
    const then = await json(`/v1/audit/ledger?asOf=${encodeURIComponent(beforeReview)}`);
    expect(then.byMatch[0]).toMatchObject({
      reportedExpenditure: { amount: '37000.00' },
      acceptedExpenditure: { amount: '30000.00' },
    });
  });

  it('breaks no money invariant anywhere in the log, budget lines ≤ committed included', async () => {
    const { breaches, events } = await checkMoneyInvariants(audit.store);
    expect(events).toBeGreaterThan(10);
    expect(breaches).toEqual([]);
  });

  // Last: it writes past the domain's rules, as a tampered or buggy writer would.
  it('finds a budget written above the committed funds past the domain', async () => {
    const head = (await audit.store.readStream(`match-${matchId}`)).slice(-1)[0].revision;
    await audit.store.appendToStreams([
      {
        streamId: `match-${matchId}`,
        expectedRevision: head,
        events: [
          {
            type: 'BudgetSet',
            data: {
              matchId,
              lines: [
                { code: 'ALL', description: 'Everything', amount: { amount: '200000.01', currency: 'USD' } },
              ],
              setBy: 'officer-1',
            },
            metadata: {
              actor: officer,
              correlationId: 'past-the-rules',
              occurredAt: new Date().toISOString(),
              schemaVersion: 1,
            },
          },
        ],
      },
    ]);
    // The check reads the global log, which may trail an append just made.
    await untilInGlobalLog(audit.store, `match-${matchId}`);
    const { breaches } = await checkMoneyInvariants(audit.store);
    expect(breaches).toEqual([
      expect.objectContaining({
        rule: 'budget.over-committed',
        streamId: `match-${matchId}`,
        revision: head + 1,
      }),
    ]);
  });
});
