import { add, updateRow } from '../mechanism/row-write';
import { specForProjection } from '../testing/projection-spec';
import { asEnvelopes } from '../testing/funding-story';
import { onStream, storyEvent } from '../testing/story-events';
import { matchesReadModel } from './matches.read-model';

const { given } = specForProjection(matchesReadModel);
const made = storyEvent('MatchMade');
const committed = storyEvent('FundsCommitted');
const requested = storyEvent('DisbursementRequested');
const disbursed = storyEvent('FundsDisbursed');
const held = storyEvent('DisbursementRequested', 1);
const confirmed = storyEvent('DisbursementReceiptConfirmed');
const matchId = made.data.matchId as string;
const usd = (amount: string) => ({ amount, currency: 'USD' });

describe('the matches read model', () => {
  it('opens an active match with nothing committed', () =>
    given()
      .when(made)
      .thenRow('matches', matchId, { status: 'active', organization_id: 'US-EIN-100001', revision: 0 }));

  it('adds a commitment to the committed total', () =>
    given(made, committed)
      .when(committed)
      .thenRow('matches', matchId, { committed_minor: '40000000', revision: 2 }));

  it('takes a decommitment off the committed total', () =>
    given(made, committed)
      .when(
        onStream(made, 'FundsDecommitted', {
          matchId,
          amount: usd('150000.00'),
          reason: 'scaled down',
          decommittedBy: 'alice',
        }),
      )
      .thenRow('matches', matchId, { committed_minor: '5000000', revision: 2 }));

  it('counts a held tranche as pending, and releases it from pending once approved and disbursed', () => {
    given(made, committed).when(held).thenRow('matches', matchId, { pending_minor: '12000000' });
    given(made, committed, held)
      .when(
        onStream(made, 'FundsDisbursed', {
          ...disbursed.data,
          disbursementId: held.data.disbursementId,
          amount: usd('120000.00'),
          approvedBy: 'bob',
        }),
      )
      .thenRow('matches', matchId, { pending_minor: '0', disbursed_minor: '12000000' });
  });

  it('records the receipt and the discrepancy when the NGO received another amount', () =>
    given(made, committed, requested, disbursed).when(confirmed).thenRow('matches', matchId, {
      confirmed_minor: '4999000',
      discrepancy_count: '1',
      discrepancy_minor: '1000',
    }));

  it('a reversed tranche leaves the disbursed total', () =>
    given(made, committed, requested, disbursed)
      .when(
        onStream(made, 'DisbursementReversed', {
          matchId,
          disbursementId: 'dis-1-1',
          amount: usd('50000.00'),
          reason: 'returned',
          reversedBy: 'alice',
        }),
      )
      .thenWrites(
        updateRow('disbursements', ['id', 'dis-1-1'], { status: 'reversed' }),
        updateRow('matches', ['id', matchId], {
          disbursed_minor: add(-5_000_000n),
          revision: 4,
          updated_at: '2026-12-01T04:00:00.000Z',
        }),
      ));

  it('closes a match as completed or cancelled', () =>
    given(made)
      .when(onStream(made, 'MatchCompleted', { matchId }))
      .thenRow('matches', matchId, { status: 'completed' }));

  it('cancels a match', () =>
    given(made)
      .when(onStream(made, 'MatchCancelled', { matchId, reason: 'postponed' }))
      .thenRow('matches', matchId, { status: 'cancelled' }));

  describe('budget lines and reviewed reports (issue 14b)', () => {
    const reported = storyEvent('ExpenditureReported');
    const reportId = reported.data.reportId as string;
    const review = (decision: string, id = reportId) =>
      onStream(made, 'ExpenditureReportReviewed', {
        matchId,
        reportId: id,
        decision,
        note: 'checked',
        amount: usd('30000.00'),
        period: { from: '2026-12-01', to: '2026-12-31' },
        reviewedBy: 'bob',
        reviewedAt: '2026-12-05T10:00:00.000Z',
      });

    it('keeps the budget as JSON lines in minor units on the match', () =>
      given(made)
        .when(
          onStream(made, 'BudgetSet', {
            matchId,
            lines: [{ code: 'STAFF', description: 'Facilitators', amount: usd('1500.00') }],
            setBy: 'alice',
          }),
        )
        .thenRow('matches', matchId, {
          budget: JSON.stringify([{ code: 'STAFF', description: 'Facilitators', amount: '150000' }]),
        }));

    it('files a report as submitted and adds it to the reported total', () => {
      given(made).when(reported).thenRow('expenditure_reports', reportId, {
        match_id: matchId,
        amount_minor: '3000000',
        status: 'submitted',
        lines: null,
      });
      given(made).when(reported).thenRow('matches', matchId, { expenditure_minor: '3000000' });
    });

    it('adds an accepted report to the accepted total, and a sent-back one to nothing', () => {
      given(made, reported)
        .when(review('accepted'))
        .thenRow('matches', matchId, { accepted_minor: '3000000' });
      given(made, reported)
        .when(review('changes_requested'))
        .thenRow('expenditure_reports', reportId, { status: 'changes_requested' });
      given(made, reported)
        .when(review('changes_requested'))
        .thenRow('matches', matchId, { accepted_minor: '0' });
    });

    it('marks a replaced report and reports only its replacement', () => {
      const replacement = onStream(made, 'ExpenditureReported', {
        ...reported.data,
        reportId: 'rep-2',
        amount: usd('25000.00'),
        lines: [{ code: 'STAFF', amount: usd('25000.00') }],
        replaces: reportId,
        replacedAmount: usd('30000.00'),
      });
      given(made, reported)
        .when(replacement)
        .thenRow('expenditure_reports', reportId, { status: 'replaced' });
      given(made, reported).when(replacement).thenRow('matches', matchId, { expenditure_minor: '2500000' });
      given(made, reported)
        .when(replacement)
        .thenRow('expenditure_reports', 'rep-2', {
          lines: JSON.stringify([{ code: 'STAFF', amount: '2500000' }]),
        });
    });

    it('names a report that reached it without an id (an unupcast fixture) by its event id', () => {
      const { reportId: _omitted, ...old } = reported.data;
      void _omitted;
      const legacy = onStream(made, 'ExpenditureReported', old);
      const { eventId } = asEnvelopes([made, legacy])[1];
      given(made)
        .when(legacy)
        .thenRow('expenditure_reports', eventId, { match_id: matchId, status: 'submitted' });
    });

    it('records whether tranches wait for reports', () =>
      given()
        .when(onStream(made, 'MatchMade', { ...made.data, reportBetweenTranches: true }))
        .thenRow('matches', matchId, { report_between_tranches: true }));
  });
});
