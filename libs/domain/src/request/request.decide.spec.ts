import { by, eur, officer, usd } from '../testing/fixtures';
import { specFor } from '../testing/given';
import type { RequestCommand } from './request.commands';
import { requestDecider } from './request.decider';
import type { RequestEvent } from './request.events';

const { given } = specFor(requestDecider);
const requestId = 'req-1';
const publication = {
  requestId,
  title: 'Mediators for a ceasefire dialogue',
  description: 'Two experienced facilitators for three weeks',
  tracks: [2],
  country: 'CO',
  neededBy: '2025-09-30',
};
const published: RequestEvent = {
  type: 'HelpRequestPublished',
  data: { ...publication, budget: { amount: '300000.00', currency: 'USD' }, publishedBy: 'officer-1' },
};
const matched: RequestEvent = {
  type: 'RequestMatched',
  data: { requestId, matchId: 'match-1', offerId: 'offer-1' },
};
const cancelled: RequestEvent = {
  type: 'HelpRequestCancelled',
  data: { requestId, reason: 'no longer needed' },
};
const closed: RequestEvent = { type: 'HelpRequestClosed', data: { requestId } };

const command = <C extends RequestCommand>(type: C['type'], data: C['data']) =>
  ({ type, data, metadata: by(officer()) }) as RequestCommand;
const publish = (changes: object = {}) =>
  command('PublishHelpRequest', { ...publication, budget: usd('300000'), ...changes });
const amend = (data: object) => command('AmendHelpRequest', data);

describe('PublishHelpRequest', () => {
  it('publishes an open request with its budget in wire form', () =>
    given([])
      .when(publish())
      .then([published], (state) =>
        expect(state).toMatchObject({ status: 'open', budget: usd('300000.00') }),
      ));
  it('refuses to publish the same request twice', () =>
    given([published]).when(publish()).thenFails('request.already-published'));
  it('refuses a zero budget', () =>
    given([])
      .when(publish({ budget: usd('0') }))
      .thenFails('money.not-positive'));
  it('refuses a date that is not on the calendar', () =>
    given([])
      .when(publish({ neededBy: '2025-02-30' }))
      .thenFails('date.invalid'));
  it('refuses an empty title', () =>
    given([])
      .when(publish({ title: '' }))
      .thenFails('text.required'));
  it('refuses track 10', () =>
    given([])
      .when(publish({ tracks: [10] }))
      .thenFails('track.invalid'));
});

describe('AmendHelpRequest', () => {
  it('records only the fields that change', () =>
    given([published])
      .when(amend({ title: 'Facilitators', budget: eur('250000.5') }))
      .then(
        [
          {
            type: 'HelpRequestAmended',
            data: { requestId, title: 'Facilitators', budget: { amount: '250000.50', currency: 'EUR' } },
          },
        ],
        (state) =>
          expect(state).toMatchObject({ title: 'Facilitators', budget: eur('250000.50'), country: 'CO' }),
      ));
  it('refuses an amendment that changes nothing', () =>
    given([published]).when(amend({})).thenFails('request.nothing-to-amend'));
  it('lets a matched request’s budget grow', () =>
    given([published, matched])
      .when(amend({ budget: usd('400000') }))
      .then([
        { type: 'HelpRequestAmended', data: { requestId, budget: { amount: '400000.00', currency: 'USD' } } },
      ]));
  it('refuses to change the currency once matched', () =>
    given([published, matched])
      .when(amend({ budget: eur('300000') }))
      .thenFails('request.currency-locked'));
  it('refuses to shrink the budget once matched', () =>
    given([published, matched])
      .when(amend({ budget: usd('299999.99') }))
      .thenFails('request.budget-reduced-after-match'));
  it('refuses to amend a cancelled request', () =>
    given([published, cancelled])
      .when(amend({ title: 'x' }))
      .thenFails('request.inactive'));
  it('refuses to amend a request that does not exist', () =>
    given([])
      .when(amend({ title: 'x' }))
      .thenFails('request.not-found'));
});

describe('CancelHelpRequest', () => {
  it('cancels an open request', () =>
    given([published])
      .when(command('CancelHelpRequest', { reason: 'no longer needed' }))
      .then([cancelled]));
  it('refuses to cancel a matched request (the match is cancelled instead)', () =>
    given([published, matched])
      .when(command('CancelHelpRequest', { reason: 'x' }))
      .thenFails('request.not-open'));
  it('refuses to cancel twice', () =>
    given([published, cancelled])
      .when(command('CancelHelpRequest', { reason: 'x' }))
      .thenFails('request.inactive'));
});

describe('MarkRequestMatched', () => {
  const mark = command('MarkRequestMatched', { matchId: 'match-1', offerId: 'offer-1' });
  it('marks an open request matched to the accepted offer', () =>
    given([published])
      .when(mark)
      .then([matched], (state) => expect(state).toMatchObject({ status: 'matched', offerId: 'offer-1' })));
  it('refuses a second match: one accepted offer per request', () =>
    given([published, matched])
      .when(command('MarkRequestMatched', { matchId: 'match-2', offerId: 'offer-2' }))
      .thenFails('request.not-open'));
  it('records nothing when the same match is marked again (a retried match)', () =>
    given([published, matched]).when(mark).then([]));
  it('refuses to match a closed request', () =>
    given([published, matched, closed]).when(mark).thenFails('request.inactive'));
});

describe('CloseHelpRequest', () => {
  it('closes a matched request', () =>
    given([published, matched]).when(command('CloseHelpRequest', {})).then([closed]));
  it('closes an open request, which then takes no offers', () =>
    given([published])
      .when(command('CloseHelpRequest', { reason: 'covered elsewhere' }))
      .then([{ type: 'HelpRequestClosed', data: { requestId, reason: 'covered elsewhere' } }], (state) =>
        expect(state.status).toBe('closed'),
      ));
  it.each([
    ['closed', [published, matched, closed]],
    ['cancelled', [published, cancelled]],
  ] as const)('refuses to close a %s request', (_, history) =>
    given([...history])
      .when(command('CloseHelpRequest', {}))
      .thenFails('request.inactive'),
  );
});

describe('RecordOffer', () => {
  const record = (offerId = 'offer-1') =>
    command('RecordOffer', { offerId, organizationId: 'GB-CHC-202918' });
  const received: RequestEvent = {
    type: 'OfferReceived',
    data: { requestId, offerId: 'offer-1', organizationId: 'GB-CHC-202918' },
  };
  it('records an offer on an open request, remembering its id', () =>
    given([published])
      .when(record())
      .then([received], (state) => expect(state).toMatchObject({ receivedOfferIds: ['offer-1'] })));
  it('refuses an offer once the request is matched: a match and an offer cannot both win', () =>
    given([published, matched]).when(record('offer-2')).thenFails('request.not-open'));
  it.each([
    ['cancelled', cancelled],
    ['closed', closed],
  ])('refuses an offer on a %s request', (_, last) =>
    given(last === closed ? [published, matched, closed] : [published, last])
      .when(record('offer-2'))
      .thenFails('request.not-open'),
  );
  it('records nothing when the same offer is recorded again (a retried submission), whatever happened since', () =>
    given([published, received, matched]).when(record()).then([]));
  it('refuses an offer on a request that does not exist', () =>
    given([]).when(record()).thenFails('request.not-found'));
});

describe('several partners on one request (decision 0182)', () => {
  const keptOpen = (matchId: string, offerId: string): RequestEvent => ({
    type: 'RequestMatched',
    data: { requestId, matchId, offerId, keptOpen: true },
  });
  const reserved = (matchId: string, amount: string): RequestEvent => ({
    type: 'BudgetReserved',
    data: { requestId, matchId, amount: { amount, currency: 'USD' } },
  });
  const reserve = (matchId: string, amount: string) =>
    command('ReserveBudget', { matchId, amount: usd(amount) });
  const release = (matchId: string, amount: string) =>
    command('ReleaseBudget', { matchId, amount: usd(amount) });
  const two = [published, keptOpen('m1', 'o1'), keptOpen('m2', 'o2')];

  it('keeps the request open when matched with keepOpen, listing every match', () =>
    given([published, keptOpen('m1', 'o1')])
      .when(command('MarkRequestMatched', { matchId: 'm2', offerId: 'o2', keepOpen: true }))
      .then([keptOpen('m2', 'o2')], (state) =>
        expect(state).toMatchObject({ status: 'open', matchIds: ['m1', 'm2'] }),
      ));
  it('becomes matched with the last partner matched without keepOpen', () =>
    given(two)
      .when(command('MarkRequestMatched', { matchId: 'm3', offerId: 'o3' }))
      .then([{ type: 'RequestMatched', data: { requestId, matchId: 'm3', offerId: 'o3' } }], (state) =>
        expect(state).toMatchObject({ status: 'matched', matchIds: ['m1', 'm2', 'm3'] }),
      ));
  it('reserves commitments of several matches on the one budget', () =>
    given([...two, reserved('m1', '200000.00')])
      .when(reserve('m2', '100000'))
      .then([reserved('m2', '100000.00')], (state) =>
        expect(state).toMatchObject({ committed: usd('300000') }),
      ));
  it('refuses a commitment that would take the matches together over the budget', () =>
    given([...two, reserved('m1', '200000.00')])
      .when(reserve('m2', '100000.01'))
      .thenFails('match.over-committed'));
  it('refuses a reservation for a match that is not the request’s', () =>
    given(two).when(reserve('m9', '1')).thenFails('match.not-found'));
  it('refuses a reservation in another currency', () =>
    given(two)
      .when(command('ReserveBudget', { matchId: 'm1', amount: eur('1') }))
      .thenFails('money.currency-mismatch'));
  it('still reserves for the matches of a closed request', () =>
    given([...two, closed])
      .when(reserve('m1', '1'))
      .then([reserved('m1', '1.00')]));
  it('releases what a match decommits, never more than it reserved', () =>
    given([...two, reserved('m1', '200000.00'), reserved('m2', '50000.00')])
      .when(release('m2', '80000'))
      .then(
        [
          {
            type: 'BudgetReleased',
            data: { requestId, matchId: 'm2', amount: { amount: '50000.00', currency: 'USD' } },
          },
        ],
        (state) => expect(state).toMatchObject({ committed: usd('200000') }),
      ));
  it('releases nothing for a match that reserved nothing (committed before reservations)', () =>
    given(two).when(release('m1', '10')).then([]));
});
