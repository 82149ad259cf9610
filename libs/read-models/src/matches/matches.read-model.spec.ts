import { add, updateRow } from '../mechanism/row-write';
import { specForProjection } from '../testing/projection-spec';
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
});
