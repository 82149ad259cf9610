import { updateRow } from '../mechanism/row-write';
import { specForProjection } from '../testing/projection-spec';
import { onStream, storyEvent } from '../testing/story-events';
import { requestsReadModel } from './requests.read-model';

const { given } = specForProjection(requestsReadModel);
const published = storyEvent('HelpRequestPublished');
const requestId = published.data.requestId as string;
const offer = storyEvent('OfferSubmitted');

describe('the requests read model', () => {
  it('puts a published request on the board, open', () =>
    given()
      .when(published)
      .thenRow('requests', requestId, { status: 'open', budget_minor: '25000000', revision: 0 }));

  it('changes only what an amendment names', () =>
    given(published)
      .when(
        onStream(published, 'HelpRequestAmended', {
          requestId,
          budget: { amount: '300000.00', currency: 'USD' },
        }),
      )
      .thenRow('requests', requestId, { title: 'Mediation 1', budget_minor: '30000000', revision: 1 }));

  it('counts an offer as live until it is withdrawn', () => {
    given(published)
      .when(offer)
      .thenRow('request_offers', offer.data.offerId as string, { request_id: requestId, active: true });
    given(published, offer)
      .when(onStream(offer, 'OfferWithdrawn', { offerId: offer.data.offerId, reason: 'busy' }))
      .thenWrites(updateRow('request_offers', ['offer_id', offer.data.offerId as string], { active: false }));
  });

  it('shows the match of a matched request', () =>
    given(published)
      .when(storyEvent('RequestMatched'))
      .thenRow('requests', requestId, { status: 'matched', match_id: 'mat-1' }));
});
