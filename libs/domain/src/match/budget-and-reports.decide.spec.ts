import type { CommandMetadata } from '../shared/decider';
import type { WireMoney } from '../money/money';
import { by, eur, ngo, officer, usd } from '../testing/fixtures';
import { specFor } from '../testing/given';
import { budgetVsActual } from './budget-vs-actual';
import type { MatchCommand, ReportExpenditure } from './match.commands';
import { matchDecider } from './match.decider';
import type { MatchEvent } from './match.events';
import type { Match } from './match.state';

/** Budget lines, reviewed reports and tranches that wait for a report (API.md, second wave). */
const { given } = specFor(matchDecider);
const matchId = 'match-1';
const organizationId = 'GB-CHC-202918';
const matchedNgo = ngo(organizationId);
const alice = officer('alice');
const bob = officer('bob');
const at = '2025-06-10T12:00:00.000Z';
const wire = (amount: string): WireMoney => ({ amount, currency: 'USD' });
const period = { from: '2025-06-01', to: '2025-06-30' };
const policy = { approvalThreshold: 10_000_000n, windowDays: 30 };

const made = (reportBetweenTranches = false): MatchEvent => ({
  type: 'MatchMade',
  data: {
    matchId,
    requestId: 'req-1',
    offerId: 'offer-1',
    organizationId,
    currency: 'USD',
    madeBy: 'alice',
    ...(reportBetweenTranches && { reportBetweenTranches: true as const }),
  },
});
const committed = (amount: string): MatchEvent => ({
  type: 'FundsCommitted',
  data: { matchId, amount: wire(amount), committedBy: 'alice' },
});
const budgetSet = (...lines: [code: string, amount: string][]): MatchEvent => ({
  type: 'BudgetSet',
  data: {
    matchId,
    lines: lines.map(([code, amount]) => ({ code, description: `line ${code}`, amount: wire(amount) })),
    setBy: 'alice',
  },
});
const reported = (reportId: string, amount: string, lines?: [string, string][]): MatchEvent => ({
  type: 'ExpenditureReported',
  data: {
    matchId,
    reportId,
    amount: wire(amount),
    description: 'venue',
    period,
    reportedBy: matchedNgo.sub,
    ...(lines && { lines: lines.map(([code, a]) => ({ code, amount: wire(a) })) }),
  },
});
const reviewed = (
  reportId: string,
  amount: string,
  decision: 'accepted' | 'changes_requested',
): MatchEvent => ({
  type: 'ExpenditureReportReviewed',
  data: {
    matchId,
    reportId,
    decision,
    note: 'checked',
    amount: wire(amount),
    period,
    reviewedBy: 'bob',
    reviewedAt: at,
  },
});
const released = (id: string, amount: string): MatchEvent[] => [
  {
    type: 'DisbursementRequested',
    data: {
      matchId,
      disbursementId: id,
      amount: wire(amount),
      reference: `PAY-${id}`,
      requestedBy: 'alice',
      requestedAt: at,
      requiresApproval: false,
    },
  },
  {
    type: 'FundsDisbursed',
    data: { matchId, disbursementId: id, amount: wire(amount), reference: `PAY-${id}`, disbursedAt: at },
  },
];
const reversed = (id: string, amount: string): MatchEvent => ({
  type: 'DisbursementReversed',
  data: { matchId, disbursementId: id, amount: wire(amount), reason: 'bounced', reversedBy: 'alice' },
});

const command = <C extends MatchCommand>(type: C['type'], data: C['data'], actor: CommandMetadata['actor']) =>
  ({ type, data, metadata: by(actor, at) }) as MatchCommand;
const setBudget = (...lines: { code: string; description?: string; amount: ReturnType<typeof usd> }[]) =>
  command(
    'SetBudget',
    { lines: lines.map((line) => ({ description: `line ${line.code}`, ...line })) },
    alice,
  );
const report = (reportId: string, amount: string, extra: Partial<ReportExpenditure['data']> = {}) =>
  command(
    'ReportExpenditure',
    { reportId, amount: usd(amount), description: 'venue', period, ...extra },
    matchedNgo,
  );
const review = (
  reportId: string,
  decision: 'accepted' | 'changes_requested' = 'accepted',
  note = 'checked',
) => command('ReviewExpenditureReport', { reportId, decision, note }, bob);
const disburse = (id: string, amount: string) =>
  command(
    'RequestDisbursement',
    {
      disbursementId: id,
      amount: usd(amount),
      reference: `PAY-${id}`,
      policy,
      organization: { status: 'vetted' },
      offer: { status: 'accepted', matchId },
    },
    alice,
  );

describe('SetBudget', () => {
  const funded = [made(), committed('1000.00')];
  it('records the lines, whose total may reach what is committed', () =>
    given(funded)
      .when(setBudget({ code: 'STAFF', amount: usd('600') }, { code: 'venue.2025', amount: usd('400') }))
      .then([budgetSet(['STAFF', '600.00'], ['venue.2025', '400.00'])], (state) =>
        expect((state as Match).budget.map((line) => line.code)).toEqual(['STAFF', 'venue.2025']),
      ));
  it('replaces the whole budget with the next one', () =>
    given([...funded, budgetSet(['STAFF', '600.00'])])
      .when(setBudget({ code: 'TRAVEL', amount: usd('100') }))
      .then([budgetSet(['TRAVEL', '100.00'])], (state) =>
        expect((state as Match).budget).toEqual([
          { code: 'TRAVEL', description: 'line TRAVEL', amount: usd('100') },
        ]),
      ));
  it('refuses lines adding up to more than is committed', () =>
    given(funded)
      .when(setBudget({ code: 'A', amount: usd('600') }, { code: 'B', amount: usd('400.01') }))
      .thenFails('budget.over-committed'));
  it('refuses a code used twice', () =>
    given(funded)
      .when(setBudget({ code: 'A', amount: usd('1') }, { code: 'A', amount: usd('2') }))
      .thenFails('budget.duplicate-code'));
  it.each(['', 'with space', 'x'.repeat(33), 'ünï'])('refuses the code %j', (code) =>
    given(funded)
      .when(setBudget({ code, amount: usd('1') }))
      .thenFails('budget.invalid-code'),
  );
  it('refuses a line of no money', () =>
    given(funded)
      .when(setBudget({ code: 'A', amount: usd('0') }))
      .thenFails('money.not-positive'));
  it('refuses a line in another currency', () =>
    given(funded)
      .when(setBudget({ code: 'A', amount: eur('1') }))
      .thenFails('money.currency-mismatch'));
  it('refuses a line without a description', () =>
    given(funded)
      .when(setBudget({ code: 'A', description: ' ', amount: usd('1') }))
      .thenFails('text.required'));
  it('refuses a budget on a completed match', () =>
    given([...funded, { type: 'MatchCompleted', data: { matchId } }])
      .when(setBudget({ code: 'A', amount: usd('1') }))
      .thenFails('match.not-active'));
});

describe('DecommitFunds beside a budget', () => {
  const decommit = (amount: string) =>
    command('DecommitFunds', { amount: usd(amount), reason: 'scaled down' }, alice);
  it('refuses to give back money the budget lines still plan to spend', () =>
    given([made(), committed('1000.00'), budgetSet(['A', '800.00'])])
      .when(decommit('200.01'))
      .thenFails('budget.over-committed'));
  it('gives back what no line plans to spend', () =>
    given([made(), committed('1000.00'), budgetSet(['A', '800.00'])])
      .when(decommit('200'))
      .then([
        {
          type: 'FundsDecommitted',
          data: { matchId, amount: wire('200.00'), reason: 'scaled down', decommittedBy: 'alice' },
        },
      ]));
});

describe('ReportExpenditure by budget line', () => {
  const budgeted = [made(), committed('1000.00'), budgetSet(['STAFF', '600.00'], ['VENUE', '400.00'])];
  const lines = (...pairs: [string, string][]) =>
    pairs.map(([code, amount]) => ({ code, amount: usd(amount) }));
  it('records the lines, which add up to the amount', () =>
    given(budgeted)
      .when(report('r1', '150', { lines: lines(['STAFF', '100'], ['VENUE', '50']) }))
      .then(
        [
          reported('r1', '150.00', [
            ['STAFF', '100.00'],
            ['VENUE', '50.00'],
          ]),
        ],
        (state) => expect((state as Match).reports).toMatchObject([{ id: 'r1', status: 'submitted' }]),
      ));
  it('refuses lines that do not add up to the amount', () =>
    given(budgeted)
      .when(report('r1', '150', { lines: lines(['STAFF', '100'], ['VENUE', '49.99']) }))
      .thenFails('report.lines-mismatch'));
  it('refuses a code that is not a line of the budget', () =>
    given(budgeted)
      .when(report('r1', '150', { lines: lines(['TRAVEL', '150']) }))
      .thenFails('report.unknown-budget-line'));
  it('refuses lines before there is any budget', () =>
    given([made()])
      .when(report('r1', '1', { lines: lines(['STAFF', '1']) }))
      .thenFails('report.unknown-budget-line'));
  it('refuses the same line twice in one report', () =>
    given(budgeted)
      .when(report('r1', '2', { lines: lines(['STAFF', '1'], ['STAFF', '1']) }))
      .thenFails('report.duplicate-line'));
  it('refuses a line of no money', () =>
    given(budgeted)
      .when(report('r1', '1', { lines: lines(['STAFF', '1'], ['VENUE', '0']) }))
      .thenFails('money.not-positive'));
  it('refuses a report id already used', () =>
    given([...budgeted, reported('r1', '5.00')])
      .when(report('r1', '5'))
      .thenFails('report.duplicate'));
});

describe('ReportExpenditure replacing a report', () => {
  const history = [made(), reported('r1', '100.00')];
  it('marks the report replaced and counts only the replacement as reported', () =>
    given(history)
      .when(report('r2', '80', { replaces: 'r1' }))
      .then(
        [
          {
            type: 'ExpenditureReported',
            data: {
              ...(reported('r2', '80.00').data as object),
              replaces: 'r1',
              replacedAmount: wire('100.00'),
            },
          } as MatchEvent,
        ],
        (state) =>
          expect(state).toMatchObject({
            reportedExpenditure: usd('80'),
            reports: [
              { id: 'r1', status: 'replaced' },
              { id: 'r2', status: 'submitted' },
            ],
          }),
      ));
  it('replaces a report sent back for changes', () =>
    given([...history, reviewed('r1', '100.00', 'changes_requested')])
      .when(report('r2', '80', { replaces: 'r1' }))
      .then([
        {
          type: 'ExpenditureReported',
          data: {
            ...(reported('r2', '80.00').data as object),
            replaces: 'r1',
            replacedAmount: wire('100.00'),
          },
        } as MatchEvent,
      ]));
  it('refuses to replace an accepted report (it is final)', () =>
    given([...history, reviewed('r1', '100.00', 'accepted')])
      .when(report('r2', '80', { replaces: 'r1' }))
      .thenFails('report.not-replaceable'));
  it('refuses to replace a report already replaced', () =>
    given([
      ...history,
      {
        ...reported('r2', '90.00'),
        data: { ...(reported('r2', '90.00').data as object), replaces: 'r1' },
      } as MatchEvent,
    ])
      .when(report('r3', '80', { replaces: 'r1' }))
      .thenFails('report.not-replaceable'));
  it('refuses to replace a report that does not exist', () =>
    given(history)
      .when(report('r2', '80', { replaces: 'r9' }))
      .thenFails('report.not-replaceable'));
});

describe('ReviewExpenditureReport', () => {
  const history = [made(), reported('r1', '100.00')];
  it('accepts a report, which counts as accepted expenditure', () =>
    given(history)
      .when(review('r1'))
      .then([reviewed('r1', '100.00', 'accepted')], (state) =>
        expect(state).toMatchObject({
          acceptedExpenditure: usd('100'),
          reportedExpenditure: usd('100'),
          reports: [{ id: 'r1', status: 'accepted' }],
        }),
      ));
  it('sends a report back for changes without accepting any of it', () =>
    given(history)
      .when(review('r1', 'changes_requested', 'receipts missing'))
      .then(
        [
          {
            ...reviewed('r1', '100.00', 'changes_requested'),
            data: {
              ...(reviewed('r1', '100.00', 'changes_requested').data as object),
              note: 'receipts missing',
            },
          } as MatchEvent,
        ],
        (state) => expect(state).toMatchObject({ acceptedExpenditure: usd('0') }),
      ));
  it('refuses a second review of an accepted report', () =>
    given([...history, reviewed('r1', '100.00', 'accepted')])
      .when(review('r1'))
      .thenFails('report.already-reviewed'));
  it('refuses a second review of a report sent back', () =>
    given([...history, reviewed('r1', '100.00', 'changes_requested')])
      .when(review('r1', 'accepted'))
      .thenFails('report.already-reviewed'));
  it('refuses to review a replaced report', () =>
    given([
      ...history,
      {
        type: 'ExpenditureReported',
        data: { ...(reported('r2', '90.00').data as object), replaces: 'r1', replacedAmount: wire('100.00') },
      } as MatchEvent,
    ])
      .when(review('r1'))
      .thenFails('report.replaced'));
  it('refuses an unknown report (a 404)', () =>
    given(history).when(review('r9')).thenFails('report.not-found'));
  it('refuses a review without a note', () =>
    given(history)
      .when(review('r1', 'accepted', ' '))
      .thenFails('text.required'));
});

describe('RequestDisbursement with reportBetweenTranches', () => {
  const gated = [made(true), committed('1000.00')];
  /** The first tranche, then a report after it that an officer accepted. */
  const firstAccountedFor = [
    ...gated,
    ...released('d1', '100.00'),
    reported('r1', '90.00'),
    reviewed('r1', '90.00', 'accepted'),
  ];
  it('records the rule on the match when asked', () =>
    given([])
      .when(
        command(
          'MakeMatch',
          {
            matchId,
            requestId: 'req-1',
            offerId: 'offer-1',
            organizationId,
            request: { status: 'open', budget: usd('1000') },
            offer: { status: 'submitted', requestId: 'req-1', amount: usd('1000') },
            organization: { status: 'vetted' },
            reportBetweenTranches: true,
          },
          alice,
        ),
      )
      .then([made(true)], (state) => expect(state).toMatchObject({ reportBetweenTranches: true })));
  it('releases the first tranche without any report', () =>
    given(gated).when(disburse('d1', '100')).then(released('d1', '100.00')));
  it('refuses a second tranche before any report', () =>
    given([...gated, ...released('d1', '100.00')])
      .when(disburse('d2', '100'))
      .thenFails('match.report-required'));
  it('refuses a second tranche while the report after the first is not accepted', () =>
    given([...gated, ...released('d1', '100.00'), reported('r1', '90.00')])
      .when(disburse('d2', '100'))
      .thenFails('match.report-required'));
  it('refuses a second tranche when the report after the first was sent back', () =>
    given([
      ...gated,
      ...released('d1', '100.00'),
      reported('r1', '90.00'),
      reviewed('r1', '90.00', 'changes_requested'),
    ])
      .when(disburse('d2', '100'))
      .thenFails('match.report-required'));
  it('refuses a second tranche when the only accepted report came before the first', () =>
    given([
      ...gated,
      reported('r0', '10.00'),
      reviewed('r0', '10.00', 'accepted'),
      ...released('d1', '100.00'),
    ])
      .when(disburse('d2', '100'))
      .thenFails('match.report-required'));
  it('releases the next tranche once a report after the previous one is accepted', () =>
    given(firstAccountedFor).when(disburse('d2', '100')).then(released('d2', '100.00')));
  it('asks again for a report after the second tranche before a third', () =>
    given([...firstAccountedFor, ...released('d2', '100.00')])
      .when(disburse('d3', '100'))
      .thenFails('match.report-required'));
  it('measures from the tranche before a reversed one (the reversed one released nothing)', () =>
    given([...firstAccountedFor, ...released('d2', '100.00'), reversed('d2', '100.00')])
      .when(disburse('d3', '100'))
      .then(released('d3', '100.00')));
  it('never waits for a report on a match made without the rule', () =>
    given([made(), committed('1000.00'), ...released('d1', '100.00')])
      .when(disburse('d2', '100'))
      .then(released('d2', '100.00')));
});

describe('budget vs actual', () => {
  const line = (code: string, amount: string) => ({ code, description: code, amount: usd(amount) });
  const rep = (
    amount: string,
    status: 'submitted' | 'accepted' | 'changes_requested' | 'replaced',
    lines?: [string, string][],
  ) => ({
    amount: usd(amount),
    status,
    ...(lines && { lines: lines.map(([code, a]) => ({ code, amount: usd(a) })) }),
  });
  it('sets reported, accepted and budget − accepted per line, and what fell outside any line', () =>
    expect(
      budgetVsActual(
        'USD',
        [line('A', '100'), line('B', '50')],
        [
          rep('70', 'accepted', [
            ['A', '60'],
            ['B', '10'],
          ]),
          rep('30', 'submitted', [['A', '30']]),
          rep('999', 'replaced', [['A', '999']]),
          rep('5', 'changes_requested'),
          rep('7', 'accepted', [['GONE', '7']]),
        ],
      ),
    ).toEqual({
      lines: [
        {
          code: 'A',
          description: 'A',
          budget: usd('100'),
          reported: usd('90'),
          accepted: usd('60'),
          variance: usd('40'),
        },
        {
          code: 'B',
          description: 'B',
          budget: usd('50'),
          reported: usd('10'),
          accepted: usd('10'),
          variance: usd('40'),
        },
      ],
      unbudgeted: usd('12'),
    }));
  it('shows an overspent line as a negative variance', () =>
    expect(
      budgetVsActual('USD', [line('A', '10')], [rep('15', 'accepted', [['A', '15']])]).lines[0].variance,
    ).toEqual({ minor: -500n, currency: 'USD' }));
});
