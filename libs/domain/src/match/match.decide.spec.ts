import type { CommandMetadata } from '../shared/decider';
import type { WireMoney } from '../money/money';
import { by, eur, ngo, officer, usd } from '../testing/fixtures';
import { specFor } from '../testing/given';
import type { MatchCommand } from './match.commands';
import { matchDecider } from './match.decider';
import type { MatchEvent } from './match.events';

const { given } = specFor(matchDecider);
const matchId = 'match-1';
const organizationId = 'GB-CHC-202918';
const matchedNgo = ngo(organizationId);
const otherNgo = ngo('FR-RNA-W751234567');
const alice = officer('alice');
const bob = officer('bob');
const day = (d: number) => `2025-06-${String(d).padStart(2, '0')}T12:00:00.000Z`;
const wire = (amount: string): WireMoney => ({ amount, currency: 'USD' });
const policy = { approvalThreshold: 10_000_000n, windowDays: 30 }; // 100000.00 USD
const vetted: { status: 'vetted' | 'suspended' } = { status: 'vetted' };
const accepted = { status: 'accepted' as const, matchId };

const made: MatchEvent = {
  type: 'MatchMade',
  data: { matchId, requestId: 'req-1', offerId: 'offer-1', organizationId, currency: 'USD', madeBy: 'alice' },
};
const committed = (amount: string): MatchEvent => ({
  type: 'FundsCommitted',
  data: { matchId, amount: wire(amount), committedBy: 'alice' },
});
const requested = (
  id: string,
  amount: string,
  at = day(1),
  approval?: 'amount-above-threshold',
): MatchEvent => ({
  type: 'DisbursementRequested',
  data: {
    matchId,
    disbursementId: id,
    amount: wire(amount),
    reference: `PAY-${id}`,
    requestedBy: 'alice',
    requestedAt: at,
    requiresApproval: approval !== undefined,
    ...(approval && { approvalReason: approval }),
  },
});
const disbursed = (id: string, amount: string, at = day(1), approvedBy?: string): MatchEvent => ({
  type: 'FundsDisbursed',
  data: {
    matchId,
    disbursementId: id,
    amount: wire(amount),
    reference: `PAY-${id}`,
    disbursedAt: at,
    ...(approvedBy && { approvedBy }),
  },
});
const released = (id: string, amount: string, at = day(1)) => [
  requested(id, amount, at),
  disbursed(id, amount, at),
];
const pending = (id: string, amount: string) => [requested(id, amount, day(1), 'amount-above-threshold')];

const command = <C extends MatchCommand>(
  type: C['type'],
  data: C['data'],
  actor: CommandMetadata['actor'] = alice,
  at = day(10),
) => ({ type, data, metadata: by(actor, at) }) as MatchCommand;
const disburse = (id: string, amount: string, actor = alice, at = day(10)) =>
  command(
    'RequestDisbursement',
    {
      disbursementId: id,
      amount: usd(amount),
      reference: `PAY-${id}`,
      policy,
      organization: vetted,
      offer: accepted,
    },
    actor,
    at,
  );

describe('MakeMatch', () => {
  const make = (facts: { request?: object; offer?: object; organization?: object } = {}) =>
    command('MakeMatch', {
      matchId,
      requestId: 'req-1',
      offerId: 'offer-1',
      organizationId,
      request: { status: 'open', budget: usd('300000'), ...facts.request },
      offer: { status: 'submitted', requestId: 'req-1', amount: usd('250000'), ...facts.offer },
      organization: { ...vetted, ...facts.organization },
    });
  it('matches a submitted offer to an open request in the request’s currency', () =>
    given([])
      .when(make())
      .then([made], (state) => expect(state).toMatchObject({ status: 'active', committed: usd('0') })));
  it('accepts facts that already show this match (a retried match)', () =>
    given([])
      .when(
        make({ request: { status: 'matched', matchIds: [matchId] }, offer: { status: 'accepted', matchId } }),
      )
      .then([made]));
  it('refuses a second accepted offer for a request already matched elsewhere', () =>
    given([])
      .when(make({ request: { status: 'matched', matchIds: ['match-0'] } }))
      .thenFails('request.not-open'));
  it('matches another offer to a request kept open for several partners', () =>
    given([])
      .when(make({ request: { status: 'open', matchIds: ['match-0'] } }))
      .then([made]));
  it('refuses an offer made for another request', () =>
    given([])
      .when(make({ offer: { requestId: 'req-2' } }))
      .thenFails('offer.wrong-request'));
  it('refuses a withdrawn offer', () =>
    given([])
      .when(make({ offer: { status: 'withdrawn' } }))
      .thenFails('offer.not-submitted'));
  it('refuses to pay a suspended organisation', () =>
    given([])
      .when(make({ organization: { status: 'suspended' } }))
      .thenFails('organization.suspended'));
  it('refuses an offer in another currency', () =>
    given([])
      .when(make({ offer: { amount: eur('1') } }))
      .thenFails('money.currency-mismatch'));
  it('matches an in-kind offer without an amount, and records its kind', () =>
    given([])
      .when(make({ offer: { amount: undefined, kind: 'in-kind' } }))
      .then([{ ...made, data: { ...made.data, kind: 'in-kind' } } as MatchEvent]));
  it('refuses to make the same match twice', () =>
    given([made]).when(make()).thenFails('match.already-made'));
});

describe('CommitFunds', () => {
  const commit = (amount: string, budget = usd('300000')) =>
    command('CommitFunds', { amount: usd(amount), request: { budget }, offer: accepted });
  it('commits funds within the request budget', () =>
    given([made])
      .when(commit('200000'))
      .then([committed('200000.00')]));
  it('allows commitments up to exactly the budget', () =>
    given([made, committed('200000.00')])
      .when(commit('100000'))
      .then([committed('100000.00')]));
  it('refuses commitments beyond the budget', () =>
    given([made, committed('200000.00')])
      .when(commit('100000.01'))
      .thenFails('match.over-committed'));
  it('refuses another currency', () =>
    given([made])
      .when(command('CommitFunds', { amount: eur('1'), request: { budget: usd('300000') }, offer: accepted }))
      .thenFails('money.currency-mismatch'));
  it('refuses a zero commitment', () => given([made]).when(commit('0')).thenFails('money.not-positive'));
  it('refuses commitments to a cancelled match', () =>
    given([made, { type: 'MatchCancelled', data: { matchId, reason: 'x' } }])
      .when(commit('1'))
      .thenFails('match.not-active'));
  it('refuses commitments to a match whose offer was withdrawn instead of accepted', () =>
    given([made])
      .when(
        command('CommitFunds', {
          amount: usd('1'),
          request: { budget: usd('300000') },
          offer: { status: 'withdrawn' },
        }),
      )
      .thenFails('match.offer-not-accepted'));

  it('refuses commitments to a match whose offer another match accepted', () =>
    given([made])
      .when(
        command('CommitFunds', {
          amount: usd('1'),
          request: { budget: usd('300000') },
          offer: { status: 'accepted', matchId: 'match-0' },
        }),
      )
      .thenFails('match.offer-not-accepted'));

  it('refuses commitments to a match that does not exist', () =>
    given([]).when(commit('1')).thenFails('match.not-found'));
});

describe('RequestDisbursement', () => {
  const funded = [made, committed('300000.00')];
  it('releases a tranche at or under the threshold at once', () =>
    given(funded)
      .when(disburse('d1', '100000', alice, day(1)))
      .then(released('d1', '100000.00'), (state) =>
        expect(state).toMatchObject({ disbursed: usd('100000') }),
      ));
  it('holds a tranche strictly above the threshold for approval', () =>
    given(funded)
      .when(disburse('d1', '100000.01', alice, day(1)))
      .then([requested('d1', '100000.01', day(1), 'amount-above-threshold')], (state) =>
        expect(state).toMatchObject({ disbursed: usd('0'), pendingApproval: usd('100000.01') }),
      ));
  it('holds a tranche that, with those released unreviewed in the window, exceeds the threshold', () =>
    given([...funded, ...released('d1', '60000.00', day(1))])
      .when(disburse('d2', '40000.01'))
      .then([
        {
          ...requested('d2', '40000.01', day(10)),
          data: {
            ...requested('d2', '40000.01', day(10)).data,
            requiresApproval: true,
            approvalReason: 'window-total-above-threshold',
          },
        } as MatchEvent,
      ]));
  it('does not count tranches released before the window', () =>
    given([...funded, ...released('d1', '60000.00', '2025-05-01T12:00:00.000Z')])
      .when(disburse('d2', '60000', alice, day(1)))
      .then(released('d2', '60000.00', day(1))));
  it('does not count tranches a second officer approved', () =>
    given([...funded, ...pending('d1', '150000.00'), disbursed('d1', '150000.00', day(2), 'bob')])
      .when(disburse('d2', '100000'))
      .then(released('d2', '100000.00', day(10))));
  it('refuses to disburse more than is committed, counting pending tranches', () =>
    given([...funded, ...released('d1', '100000.00'), ...pending('d2', '150000.00')])
      .when(disburse('d3', '50000.01'))
      .thenFails('match.over-disbursed'));
  it('refuses money for a suspended organisation', () =>
    given(funded)
      .when(
        command('RequestDisbursement', {
          disbursementId: 'd1',
          amount: usd('1'),
          reference: 'PAY',
          policy,
          organization: { status: 'suspended' },
          offer: accepted,
        }),
      )
      .thenFails('organization.suspended'));

  it('refuses a tranche on a match whose offer was withdrawn instead of accepted', () =>
    given(funded)
      .when(
        command('RequestDisbursement', {
          disbursementId: 'd1',
          amount: usd('1'),
          reference: 'PAY',
          policy,
          organization: vetted,
          offer: { status: 'withdrawn' },
        }),
      )
      .thenFails('match.offer-not-accepted'));
  it('refuses a disbursement id used before', () =>
    given([...funded, ...released('d1', '1.00')])
      .when(disburse('d1', '1'))
      .thenFails('disbursement.duplicate'));
});

describe('ApproveDisbursement', () => {
  const held = [made, committed('300000.00'), ...pending('d1', '150000.00')];
  const approve = (actor = bob, organization = vetted) =>
    command('ApproveDisbursement', { disbursementId: 'd1', organization }, actor);
  it('lets another officer approve, which releases the money', () =>
    given(held)
      .when(approve())
      .then(
        [
          {
            type: 'DisbursementApproved',
            data: { matchId, disbursementId: 'd1', approvedBy: 'bob', approvedAt: day(10) },
          },
          disbursed('d1', '150000.00', day(10), 'bob'),
        ],
        (state) => expect(state).toMatchObject({ disbursed: usd('150000'), pendingApproval: usd('0') }),
      ));
  it('refuses approval by the officer who requested it', () =>
    given(held).when(approve(alice)).thenFails('disbursement.self-approval'));
  it('refuses to approve a tranche that is not pending', () =>
    given([made, committed('300000.00'), ...released('d1', '1.00')])
      .when(approve())
      .thenFails('disbursement.not-pending'));
  it('refuses to release money to an organisation suspended since the request', () =>
    given(held)
      .when(approve(bob, { status: 'suspended' }))
      .thenFails('organization.suspended'));
  it('refuses an unknown tranche', () => given([made]).when(approve()).thenFails('disbursement.not-found'));
});

describe('ConfirmDisbursementReceipt', () => {
  const paid = [made, committed('300000.00'), ...released('d1', '50000.00')];
  const confirm = (amount: string, actor = matchedNgo) =>
    command(
      'ConfirmDisbursementReceipt',
      { disbursementId: 'd1', amount: usd(amount), receivedOn: '2025-06-03' },
      actor,
    );
  const confirmed = (amount: string): MatchEvent => ({
    type: 'DisbursementReceiptConfirmed',
    data: {
      matchId,
      disbursementId: 'd1',
      amount: wire(amount),
      receivedOn: '2025-06-03',
      confirmedBy: matchedNgo.sub,
    },
  });
  it('records the matched organisation’s confirmation', () =>
    given(paid)
      .when(confirm('50000'))
      .then([confirmed('50000.00')], (state) =>
        expect(state).toMatchObject({ confirmedReceived: usd('50000') }),
      ));
  it('records a different amount as a discrepancy instead of refusing it', () =>
    given(paid)
      .when(confirm('49975.50'))
      .then([
        {
          ...confirmed('49975.50'),
          data: {
            ...confirmed('49975.50').data,
            discrepancy: { expected: wire('50000.00'), received: wire('49975.50') },
          },
        } as MatchEvent,
      ]));
  it('refuses a confirmation by another organisation', () =>
    given(paid).when(confirm('50000', otherNgo)).thenFails('match.not-yours'));
  it('refuses to confirm twice', () =>
    given([...paid, confirmed('50000.00')])
      .when(confirm('50000'))
      .thenFails('disbursement.receipt-already-confirmed'));
  it('refuses to confirm a tranche still waiting for approval', () =>
    given([made, committed('300000.00'), ...pending('d1', '150000.00')])
      .when(confirm('1'))
      .thenFails('disbursement.not-disbursed'));
});

describe('ReverseDisbursement', () => {
  const paid = [made, committed('300000.00'), ...released('d1', '50000.00')];
  const reverse = command('ReverseDisbursement', { disbursementId: 'd1', reason: 'bank returned it' });
  it('gives back a disbursed tranche', () =>
    given(paid)
      .when(reverse)
      .then(
        [
          {
            type: 'DisbursementReversed',
            data: {
              matchId,
              disbursementId: 'd1',
              amount: wire('50000.00'),
              reason: 'bank returned it',
              reversedBy: 'alice',
            },
          },
        ],
        (state) => expect(state).toMatchObject({ disbursed: usd('0') }),
      ));
  it('refuses to reverse a tranche whose receipt is confirmed', () =>
    given([
      ...paid,
      {
        type: 'DisbursementReceiptConfirmed',
        data: {
          matchId,
          disbursementId: 'd1',
          amount: wire('50000.00'),
          receivedOn: '2025-06-03',
          confirmedBy: 'x',
        },
      },
    ])
      .when(reverse)
      .thenFails('disbursement.not-reversible'));
});

describe('ReportExpenditure', () => {
  const report = (period = { from: '2025-06-01', to: '2025-06-30' }, actor = matchedNgo) =>
    command(
      'ReportExpenditure',
      { reportId: 'rep-1', amount: usd('12000'), description: 'venue and travel', period },
      actor,
    );
  it('records what the matched organisation spent', () =>
    given([made])
      .when(report())
      .then(
        [
          {
            type: 'ExpenditureReported',
            data: {
              matchId,
              reportId: 'rep-1',
              amount: wire('12000.00'),
              description: 'venue and travel',
              period: { from: '2025-06-01', to: '2025-06-30' },
              reportedBy: matchedNgo.sub,
            },
          },
        ],
        (state) => expect(state).toMatchObject({ reportedExpenditure: usd('12000') }),
      ));
  it('refuses a report by another organisation', () =>
    given([made]).when(report(undefined, otherNgo)).thenFails('match.not-yours'));
  it('refuses a period that ends before it starts', () =>
    given([made])
      .when(report({ from: '2025-06-30', to: '2025-06-01' }))
      .thenFails('expenditure.invalid-period'));
});

describe('CompleteMatch', () => {
  const completed: MatchEvent = { type: 'MatchCompleted', data: { matchId } };
  it('refuses a tranche after completion', () =>
    given([made, committed('300000.00'), completed])
      .when(disburse('d2', '10'))
      .thenFails('match.not-active'));
  it('still takes an expenditure report after completion', () =>
    given([made, completed])
      .when(
        command(
          'ReportExpenditure',
          {
            reportId: 'rep-final',
            amount: usd('10'),
            description: 'final report',
            period: { from: '2025-06-01', to: '2025-06-30' },
          },
          matchedNgo,
        ),
      )
      .then([
        {
          type: 'ExpenditureReported',
          data: {
            matchId,
            reportId: 'rep-final',
            amount: wire('10.00'),
            description: 'final report',
            period: { from: '2025-06-01', to: '2025-06-30' },
            reportedBy: matchedNgo.sub,
          },
        },
      ]));
  it('refuses to complete twice', () =>
    given([made, completed]).when(command('CompleteMatch', {})).thenFails('match.not-active'));
  it('completes an active match', () =>
    given([made])
      .when(command('CompleteMatch', {}))
      .then([{ type: 'MatchCompleted', data: { matchId } }]));
  it('refuses while a tranche waits for approval', () =>
    given([made, committed('300000.00'), ...pending('d1', '150000.00')])
      .when(command('CompleteMatch', {}))
      .thenFails('match.pending-disbursements'));
});

describe('DecommitFunds', () => {
  const decommit = (amount: string, currency = 'USD') =>
    command('DecommitFunds', {
      amount: currency === 'USD' ? usd(amount) : eur(amount),
      reason: 'activity scaled down',
    });
  const decommitted = (amount: string): MatchEvent => ({
    type: 'FundsDecommitted',
    data: { matchId, amount: wire(amount), reason: 'activity scaled down', decommittedBy: 'alice' },
  });
  it('gives back committed money that nothing uses', () =>
    given([made, committed('300000.00'), ...released('d1', '50000.00')])
      .when(decommit('250000'))
      .then([decommitted('250000.00')], (state) => expect(state).toMatchObject({ committed: usd('50000') })));
  it('releases the money of a cancelled match', () =>
    given([made, committed('300000.00'), { type: 'MatchCancelled', data: { matchId, reason: 'x' } }])
      .when(decommit('300000'))
      .then([decommitted('300000.00')], (state) => expect(state).toMatchObject({ committed: usd('0') })));
  it('releases what a completed match did not use', () =>
    given([
      made,
      committed('300000.00'),
      ...released('d1', '100000.00'),
      { type: 'MatchCompleted', data: { matchId } },
    ])
      .when(decommit('200000'))
      .then([decommitted('200000.00')]));
  it('refuses to go below what is disbursed', () =>
    given([made, committed('300000.00'), ...released('d1', '100000.00')])
      .when(decommit('200000.01'))
      .thenFails('match.under-committed'));
  it('refuses to go below what waits for approval', () =>
    given([made, committed('300000.00'), ...pending('d1', '150000.00')])
      .when(decommit('150001'))
      .thenFails('match.under-committed'));
  it('refuses more than is committed', () =>
    given([made, committed('1000.00')])
      .when(decommit('1000.01'))
      .thenFails('match.under-committed'));
  it('refuses a zero amount', () =>
    given([made, committed('1000.00')])
      .when(decommit('0'))
      .thenFails('money.not-positive'));
  it('refuses another currency', () =>
    given([made, committed('1000.00')])
      .when(decommit('10', 'EUR'))
      .thenFails('money.currency-mismatch'));
  it('refuses a blank reason', () =>
    given([made, committed('1000.00')])
      .when(command('DecommitFunds', { amount: usd('1'), reason: '  ' }))
      .thenFails('text.required'));
  it('refuses on a match that does not exist', () =>
    given([]).when(decommit('1')).thenFails('match.not-found'));
});

describe('CancelMatch', () => {
  it('refuses while a tranche is disbursed: reverse it first', () =>
    given([made, committed('300000.00'), ...released('d1', '50000.00')])
      .when(command('CancelMatch', { reason: 'x' }))
      .thenFails('match.has-disbursements'));
  it('cancels once the disbursed tranche is reversed', () =>
    given([
      made,
      committed('300000.00'),
      ...released('d1', '50000.00'),
      {
        type: 'DisbursementReversed',
        data: { matchId, disbursementId: 'd1', amount: wire('50000.00'), reason: 'r', reversedBy: 'bob' },
      },
    ])
      .when(command('CancelMatch', { reason: 'mission postponed' }))
      .then([{ type: 'MatchCancelled', data: { matchId, reason: 'mission postponed' } }]));
  it('refuses while a tranche waits for approval', () =>
    given([made, committed('300000.00'), ...pending('d1', '150000.00')])
      .when(command('CancelMatch', { reason: 'x' }))
      .thenFails('match.pending-disbursements'));
  it('refuses commitments and tranches afterwards', () =>
    given([made, committed('1000.00'), { type: 'MatchCancelled', data: { matchId, reason: 'x' } }])
      .when(command('CommitFunds', { amount: usd('1'), request: { budget: usd('300000') }, offer: accepted }))
      .thenFails('match.not-active'));
  it('cancels an active match', () =>
    given([made])
      .when(command('CancelMatch', { reason: 'mission postponed' }))
      .then([{ type: 'MatchCancelled', data: { matchId, reason: 'mission postponed' } }]));
  it('refuses to cancel a completed match', () =>
    given([made, { type: 'MatchCompleted', data: { matchId } }])
      .when(command('CancelMatch', { reason: 'x' }))
      .thenFails('match.not-active'));
});
