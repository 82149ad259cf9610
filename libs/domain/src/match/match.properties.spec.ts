import fc from 'fast-check';
import { add, compare, sum } from '../money/arithmetic';
import { money, type Money } from '../money/money';
import { withinDays } from '../shared/date';
import { isDomainError, type CommandMetadata } from '../shared/decider';
import type { DisbursementPolicy, MatchCommand } from './match.commands';
import { matchDecider } from './match.decider';
import type { MatchEvent } from './match.events';
import type { Match, MatchState } from './match.state';

/**
 * Whatever officers and NGOs try, in any order: disbursed + pendingApproval <= committed <= budget,
 * all in the match currency; no officer approves their own tranche; and tranches released without
 * a second approval never add up to more than the threshold inside one window.
 */
const organizationId = 'KE-NCB-0001';
const usd = (minor: number) => money(BigInt(minor), 'USD');
const start = Date.parse('2025-01-01T00:00:00.000Z');
const officers = ['alice', 'bob', 'carol'];
const disbursementIds = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5'];

type Intent =
  | { type: 'commit'; amount: Money }
  | { type: 'decommit'; amount: Money }
  | { type: 'disburse'; id: string; amount: Money; suspended: boolean }
  | { type: 'approve'; id: string }
  | { type: 'confirm'; id: string; amount: Money }
  | { type: 'reverse'; id: string }
  | { type: 'complete' }
  | { type: 'cancel' };
type Step = { hoursLater: number; actor: CommandMetadata['actor']; intent: Intent };

/** Mostly dollars; now and then another currency, which must be refused. */
const amountUpTo = (max: number): fc.Arbitrary<Money> =>
  fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: 0, max }).map(usd) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 1_000 }).map((minor) => money(BigInt(minor), 'EUR')) },
  );
const disbursementId = fc.constantFrom(...disbursementIds);
const intent: fc.Arbitrary<Intent> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ type: fc.constant('commit' as const), amount: amountUpTo(20_000_000) }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      type: fc.constant('disburse' as const),
      id: disbursementId,
      amount: amountUpTo(8_000_000),
      suspended: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    }),
  },
  { weight: 5, arbitrary: fc.record({ type: fc.constant('approve' as const), id: disbursementId }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('confirm' as const),
      id: disbursementId,
      amount: amountUpTo(8_000_000),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('reverse' as const), id: disbursementId }) },
  { weight: 1, arbitrary: fc.constant({ type: 'complete' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('decommit' as const), amount: amountUpTo(20_000_000) }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'cancel' as const }) },
);
const actor: fc.Arbitrary<CommandMetadata['actor']> = fc.oneof(
  fc.constantFrom(...officers).map((sub) => ({ sub, roles: ['officer'] })),
  fc.constant<CommandMetadata['actor']>({ sub: 'ngo-user', roles: ['ngo'], organizationId }),
);
const step: fc.Arbitrary<Step> = fc.record({
  hoursLater: fc.integer({ min: 0, max: 24 * 20 }),
  actor,
  intent,
});
const policy: fc.Arbitrary<DisbursementPolicy> = fc.record({
  approvalThreshold: fc.bigInt({ min: 0n, max: 15_000_000n }),
  windowDays: fc.integer({ min: 1, max: 60 }),
});

const toCommand = (
  { intent, actor }: Step,
  now: string,
  budget: Money,
  policy: DisbursementPolicy,
): MatchCommand => {
  const metadata = { actor, now };
  switch (intent.type) {
    case 'commit':
      return {
        type: 'CommitFunds',
        data: { amount: intent.amount, request: { budget }, offer: { status: 'accepted', matchId: 'm1' } },
        metadata,
      };
    case 'disburse': {
      const organization = { status: intent.suspended ? ('suspended' as const) : ('vetted' as const) };
      const data = {
        disbursementId: intent.id,
        amount: intent.amount,
        reference: 'PAY',
        policy,
        organization,
        offer: { status: 'accepted' as const, matchId: 'm1' },
      };
      return { type: 'RequestDisbursement', data, metadata };
    }
    case 'approve': {
      const data = { disbursementId: intent.id, organization: { status: 'vetted' as const } };
      return { type: 'ApproveDisbursement', data, metadata };
    }
    case 'confirm': {
      const data = { disbursementId: intent.id, amount: intent.amount, receivedOn: now.slice(0, 10) };
      return { type: 'ConfirmDisbursementReceipt', data, metadata };
    }
    case 'reverse':
      return {
        type: 'ReverseDisbursement',
        data: { disbursementId: intent.id, reason: 'returned' },
        metadata,
      };
    case 'decommit':
      return { type: 'DecommitFunds', data: { amount: intent.amount, reason: 'scaled down' }, metadata };
    case 'complete':
      return { type: 'CompleteMatch', data: {}, metadata };
    case 'cancel':
      return { type: 'CancelMatch', data: { reason: 'called off' }, metadata };
  }
};

const made: MatchEvent = {
  type: 'MatchMade',
  data: { matchId: 'm1', requestId: 'r1', offerId: 'o1', organizationId, currency: 'USD', madeBy: 'alice' },
};

const checkMoneyInvariants = (match: Match, budget: Money): void => {
  const all = [match.committed, match.disbursed, match.pendingApproval, match.confirmedReceived];
  all.concat(match.disbursements.map((d) => d.amount)).forEach((m) => expect(m.currency).toBe('USD'));
  expect(match.disbursed.minor).toBeGreaterThanOrEqual(0n);
  expect(match.pendingApproval.minor).toBeGreaterThanOrEqual(0n);
  expect(compare(add(match.disbursed, match.pendingApproval), match.committed)).toBeLessThanOrEqual(0);
  expect(compare(match.committed, budget)).toBeLessThanOrEqual(0);
  const inStatus = (status: string) =>
    match.disbursements.filter((d) => d.status === status).map((d) => d.amount);
  expect(sum('USD', inStatus('disbursed'))).toEqual(match.disbursed);
  expect(sum('USD', inStatus('pending_approval'))).toEqual(match.pendingApproval);
};

/** Recomputed from the released tranches themselves, not by asking the policy. */
const checkNoDodgedReview = (
  match: Match,
  now: string,
  { approvalThreshold, windowDays }: DisbursementPolicy,
) => {
  const unreviewed = match.disbursements.filter(
    (d) =>
      d.approvedBy === undefined && d.disbursedAt !== undefined && withinDays(d.disbursedAt, now, windowDays),
  );
  expect(
    sum(
      'USD',
      unreviewed.map((d) => d.amount),
    ).minor,
  ).toBeLessThanOrEqual(approvalThreshold);
};

describe('match money under any sequence of commands', () => {
  it('keeps disbursed + pending <= committed <= budget in one currency, and four eyes on large or split payments', () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }).map(usd),
        policy,
        fc.array(step, { minLength: 10, maxLength: 60 }),
        (budget, policy, steps) => {
          let state: MatchState = matchDecider.evolve(matchDecider.initialState, made);
          let clock = start;
          for (const s of steps) {
            clock += s.hoursLater * 3_600_000;
            const now = new Date(clock).toISOString();
            const before = state as Match;
            const outcome = matchDecider.decide(toCommand(s, now, budget, policy), state);
            if (isDomainError(outcome)) continue;
            for (const event of outcome) {
              if (event.type === 'DisbursementApproved') {
                const disbursement = before.disbursements.find((d) => d.id === event.data.disbursementId);
                expect(event.data.approvedBy).not.toBe(disbursement?.requestedBy);
              }
              state = matchDecider.evolve(state, event);
            }
            checkMoneyInvariants(state as Match, budget);
            // a cancelled match holds no money that went out (reversed first) nor any waiting
            if ((state as Match).status === 'cancelled') expect((state as Match).disbursed.minor).toBe(0n);
            if (outcome.some((e) => e.type === 'FundsDisbursed' && e.data.approvedBy === undefined)) {
              checkNoDodgedReview(state as Match, now, policy);
            }
          }
        },
      ),
      { numRuns: 300 },
    ));
});
