import fc from 'fast-check';
import { add, compare, sum } from '../money/arithmetic';
import { money, zero, type Money } from '../money/money';
import { isDomainError, type CommandMetadata } from '../shared/decider';
import { budgetVsActual } from './budget-vs-actual';
import type { MatchCommand } from './match.commands';
import { matchDecider } from './match.decider';
import type { MatchEvent } from './match.events';
import type { Match, MatchState } from './match.state';
import { budgetTotal, type ReportStatus } from './reports.state';

/**
 * The money invariants of match.properties.spec.ts, extended to budget lines and reviewed
 * reports, under any sequence of commitments, decommitments, budgets, tranches, reversals,
 * reports (by line or not, replacing or not) and reviews:
 * - budget lines ≤ committed, and disbursed + pending ≤ committed, at every moment;
 * - reportedExpenditure is the sum of the reports not replaced; acceptedExpenditure that of the
 *   accepted ones (so accepted ≤ reported); budget-vs-actual adds up to the same totals;
 * - a report is reviewed once: accepted stays accepted, and a replaced report is never reviewed;
 * - with reportBetweenTranches, every tranche after the first was asked for only after a report
 *   that came in after the previous tranche had been accepted.
 */
const organizationId = 'KE-NCB-0001';
const usd = (minor: number) => money(BigInt(minor), 'USD');
const codes = ['A', 'B', 'C'];
const reportIds = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'];
const disbursementIds = ['d0', 'd1', 'd2', 'd3', 'd4'];

type Intent =
  | { type: 'commit'; amount: Money }
  | { type: 'decommit'; amount: Money }
  | { type: 'budget'; lines: { code: string; amount: Money }[] }
  | { type: 'disburse'; id: string; amount: Money }
  | { type: 'reverse'; id: string }
  | {
      type: 'report';
      id: string;
      lines?: { code: string; amount: Money }[];
      extra: number;
      replaces?: string;
    }
  | { type: 'review'; id: string; decision: 'accepted' | 'changes_requested' };

const amount = (max: number) => fc.integer({ min: 0, max }).map(usd);
const lines = fc.array(fc.record({ code: fc.constantFrom(...codes, 'Z'), amount: amount(50_000) }), {
  maxLength: 3,
});
const intent: fc.Arbitrary<Intent> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('commit' as const), amount: amount(200_000) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('decommit' as const), amount: amount(200_000) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('budget' as const), lines }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('disburse' as const),
      id: fc.constantFrom(...disbursementIds),
      amount: amount(60_000),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('reverse' as const), id: fc.constantFrom(...disbursementIds) }),
  },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        type: fc.constant('report' as const),
        id: fc.constantFrom(...reportIds),
        lines,
        // Usually the lines' sum, now and then off by a little (which must be refused).
        extra: fc.oneof(
          { weight: 5, arbitrary: fc.constant(0) },
          { weight: 1, arbitrary: fc.integer({ min: -5, max: 5 }) },
        ),
        replaces: fc.constantFrom(...reportIds),
      },
      { requiredKeys: ['type', 'id', 'extra'] },
    ),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('review' as const),
      id: fc.constantFrom(...reportIds),
      decision: fc.constantFrom('accepted' as const, 'changes_requested' as const),
    }),
  },
);

const officer: CommandMetadata['actor'] = { sub: 'alice', roles: ['officer'] };
const ngo: CommandMetadata['actor'] = { sub: 'ngo-user', roles: ['ngo'], organizationId };
const offer = { status: 'accepted' as const, matchId: 'm1' };
const budget = usd(1_000_000);
const policy = { approvalThreshold: 10_000_000n, windowDays: 30 };

const toCommand = (intent: Intent, now: string): MatchCommand => {
  const by = (actor: CommandMetadata['actor']) => ({ actor, now });
  switch (intent.type) {
    case 'commit':
      return {
        type: 'CommitFunds',
        data: { amount: intent.amount, request: { budget }, offer },
        metadata: by(officer),
      };
    case 'decommit':
      return {
        type: 'DecommitFunds',
        data: { amount: intent.amount, reason: 'less' },
        metadata: by(officer),
      };
    case 'budget':
      return {
        type: 'SetBudget',
        data: { lines: intent.lines.map((line) => ({ ...line, description: `line ${line.code}` })) },
        metadata: by(officer),
      };
    case 'disburse': {
      const organization = { status: 'vetted' as const };
      const data = {
        disbursementId: intent.id,
        amount: intent.amount,
        reference: 'PAY',
        policy,
        organization,
        offer,
      };
      return { type: 'RequestDisbursement', data, metadata: by(officer) };
    }
    case 'reverse':
      return {
        type: 'ReverseDisbursement',
        data: { disbursementId: intent.id, reason: 'back' },
        metadata: by(officer),
      };
    case 'report': {
      const total =
        sum(
          'USD',
          (intent.lines ?? []).map((line) => line.amount),
        ).minor + BigInt(intent.extra);
      const data = {
        reportId: intent.id,
        amount: usd(Math.max(1, Number(intent.lines ? total : 1_000n))),
        description: 'spent',
        period: { from: '2025-01-01', to: '2025-01-31' },
        ...(intent.lines && { lines: intent.lines }),
        ...(intent.replaces && { replaces: intent.replaces }),
      };
      return { type: 'ReportExpenditure', data, metadata: by(ngo) };
    }
    case 'review':
      return {
        type: 'ReviewExpenditureReport',
        data: { reportId: intent.id, decision: intent.decision, note: 'seen' },
        metadata: by(officer),
      };
  }
};

const totalOf = (match: Match, statuses: ReportStatus[]) =>
  sum(
    'USD',
    match.reports.filter((r) => statuses.includes(r.status)).map((r) => r.amount),
  );

const checkInvariants = (match: Match) => {
  expect(compare(budgetTotal(match), match.committed)).toBeLessThanOrEqual(0);
  expect(compare(add(match.disbursed, match.pendingApproval), match.committed)).toBeLessThanOrEqual(0);
  expect(match.reportedExpenditure).toEqual(totalOf(match, ['submitted', 'accepted', 'changes_requested']));
  expect(match.acceptedExpenditure).toEqual(totalOf(match, ['accepted']));
  expect(new Set(match.budget.map((line) => line.code)).size).toBe(match.budget.length);
  const actual = budgetVsActual('USD', match.budget, match.reports);
  const onLines = actual.lines.reduce((total, line) => add(total, line.reported), zero('USD'));
  expect(add(onLines, actual.unbudgeted)).toEqual(match.reportedExpenditure);
};

/** The tranche just asked for had an accepted report after the tranche before it (not reversed). */
const checkReportedBefore = (before: Match) => {
  const previous = before.disbursements.reduce((found, d, i) => (d.status === 'reversed' ? found : i), -1);
  if (previous < 0) return;
  expect(before.reports.some((r) => r.status === 'accepted' && r.tranchesBefore > previous)).toBe(true);
};

describe('budget lines and reviewed reports under any sequence of commands', () => {
  it('keep budget ≤ committed, reported and accepted totals true, one review per report, and the tranche gate', () =>
    fc.assert(
      fc.property(fc.boolean(), fc.array(intent, { minLength: 10, maxLength: 60 }), (gated, intents) => {
        const made: MatchEvent = {
          type: 'MatchMade',
          data: {
            matchId: 'm1',
            requestId: 'r1',
            offerId: 'o1',
            organizationId,
            currency: 'USD',
            madeBy: 'alice',
            ...(gated && { reportBetweenTranches: true as const }),
          },
        };
        let state: MatchState = matchDecider.evolve(matchDecider.initialState, made);
        intents.forEach((intent, i) => {
          const now = new Date(Date.UTC(2025, 0, 1, i)).toISOString();
          const before = state as Match;
          const outcome = matchDecider.decide(toCommand(intent, now), state);
          if (isDomainError(outcome)) return;
          for (const event of outcome) {
            if (event.type === 'ExpenditureReportReviewed') {
              const report = before.reports.find((r) => r.id === event.data.reportId);
              expect(report?.status).toBe('submitted');
            }
            if (event.type === 'DisbursementRequested' && gated) checkReportedBefore(before);
            state = matchDecider.evolve(state, event);
          }
          checkInvariants(state as Match);
        });
      }),
      { numRuns: 300 },
    ));
});
