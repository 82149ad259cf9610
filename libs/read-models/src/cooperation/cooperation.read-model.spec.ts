import { specForProjection } from '../testing/projection-spec';
import { onStream, storyEvent } from '../testing/story-events';
import { cooperationReadModel } from './cooperation.read-model';

const { given } = specForProjection(cooperationReadModel);
const hour = (n: number) => new Date(Date.parse('2026-12-01T00:00:00.000Z') + n * 3_600_000).toISOString();

describe('the cooperation read model', () => {
  it('keeps the first offer’s instant, whichever arrives first', () =>
    given(storyEvent('HelpRequestPublished'), storyEvent('OfferSubmitted'))
      .when(storyEvent('OfferSubmitted', 1))
      .thenRow('timelines', 'req-1', { published_at: hour(0), first_offer_at: hour(1) }));

  it('keeps the money steps on the match: first and last disbursement, disbursed total, first receipt', () =>
    given(storyEvent('MatchMade'), storyEvent('FundsDisbursed'))
      .when(storyEvent('DisbursementReceiptConfirmed'))
      .thenRow('timeline_matches', 'mat-1', {
        request_id: 'req-1',
        first_disbursed_at: hour(1),
        last_disbursed_at: hour(1),
        disbursed_minor: '5000000',
        first_receipt_at: hour(2),
      }));

  it('counts the offers a request received', () =>
    given(storyEvent('HelpRequestPublished'), storyEvent('OfferSubmitted'))
      .when(storyEvent('OfferSubmitted', 1))
      .thenRow('timelines', 'req-1', { offer_count: '2' }));

  it('keeps each match’s currency and what stays committed on it', () =>
    given(storyEvent('MatchMade'), storyEvent('FundsCommitted'))
      .when(
        onStream(storyEvent('FundsCommitted'), 'FundsDecommitted', {
          matchId: 'mat-1',
          amount: { amount: '50000.00', currency: 'USD' },
          reason: 'scaled down',
          decommittedBy: 'officer-1',
        }),
      )
      .thenRow('timeline_matches', 'mat-1', { currency: 'USD', committed_minor: '15000000' }));
});
