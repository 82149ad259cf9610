import { updateRow } from '../mechanism/row-write';
import { specForProjection } from '../testing/projection-spec';
import { onStream, storyEvent } from '../testing/story-events';
import { offersReadModel } from './offers.read-model';

const { given } = specForProjection(offersReadModel);
const submitted = storyEvent('OfferSubmitted');
const offerId = submitted.data.offerId as string;

describe('the offers read model', () => {
  it('shows a submitted offer with its amount in minor units', () =>
    given().when(submitted).thenRow('offers', offerId, {
      status: 'submitted',
      amount_minor: '20000000',
      currency: 'USD',
      organization_id: 'US-EIN-100001',
    }));

  it('changes only what a revision names', () =>
    given(submitted)
      .when(onStream(submitted, 'OfferRevised', { offerId, summary: 'We mediate, twice' }))
      .thenRow('offers', offerId, { summary: 'We mediate, twice', amount_minor: '20000000', revision: 1 }));

  it('links an accepted offer to its match', () =>
    given(submitted)
      .when(storyEvent('OfferAccepted'))
      .thenWrites(
        updateRow('offers', ['id', offerId], {
          status: 'accepted',
          match_id: 'mat-1',
          revision: 1,
          updated_at: '2026-12-01T01:00:00.000Z',
        }),
      ));

  it('marks a withdrawn offer', () =>
    given(submitted)
      .when(onStream(submitted, 'OfferWithdrawn', { offerId, reason: 'busy' }))
      .thenRow('offers', offerId, { status: 'withdrawn' }));
});
