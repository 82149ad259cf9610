import type { CommandMetadata } from '../shared/decider';
import { by, eur, ngo, officer, usd } from '../testing/fixtures';
import { specFor } from '../testing/given';
import type { OfferCommand } from './offer.commands';
import { offerDecider } from './offer.decider';
import type { OfferEvent } from './offer.events';

const { given } = specFor(offerDecider);
const offerId = 'offer-1';
const requestId = 'req-1';
const organizationId = 'GB-CHC-202918';
const offering = ngo(organizationId);
const otherNgo = ngo('FR-RNA-W751234567');

const submission = {
  offerId,
  requestId,
  organizationId,
  summary: 'Two facilitators',
  startDate: '2025-07-01',
};
const submitted: OfferEvent = {
  type: 'OfferSubmitted',
  data: {
    ...submission,
    kind: 'funding',
    amount: { amount: '120000.00', currency: 'USD' },
    currency: 'USD',
    endDate: '2025-07-21',
  },
};
const accepted: OfferEvent = { type: 'OfferAccepted', data: { offerId, requestId, matchId: 'match-1' } };
const withdrawn: OfferEvent = { type: 'OfferWithdrawn', data: { offerId, reason: 'team unavailable' } };

const command = <C extends OfferCommand>(type: C['type'], data: C['data'], actor: CommandMetadata['actor']) =>
  ({ type, data, metadata: by(actor) }) as OfferCommand;
const submit = (changes: object = {}, actor = offering) =>
  command(
    'SubmitOffer',
    {
      ...submission,
      amount: usd('120000'),
      endDate: '2025-07-21',
      request: { status: 'open', currency: 'USD' },
      organization: { status: 'vetted' },
      ...changes,
    },
    actor,
  );

describe('SubmitOffer', () => {
  it('submits an offer from a vetted organisation on an open request', () =>
    given([])
      .when(submit())
      .then([submitted], (state) => expect(state.status).toBe('submitted')));
  it('refuses an offer from an organisation that is not vetted', () =>
    given([])
      .when(submit({ organization: { status: 'pending' } }))
      .thenFails('organization.not-vetted'));
  it('refuses an offer from a suspended organisation', () =>
    given([])
      .when(submit({ organization: { status: 'suspended' } }))
      .thenFails('organization.suspended'));
  it.each(['matched', 'closed', 'cancelled', 'none'])('refuses an offer on a %s request', (status) =>
    given([])
      .when(submit({ request: { status, currency: 'USD' } }))
      .thenFails('request.not-open'),
  );
  it('refuses an amount in another currency than the request budget', () =>
    given([])
      .when(submit({ amount: eur('120000') }))
      .thenFails('money.currency-mismatch'));
  it('refuses a period that ends before it starts', () =>
    given([])
      .when(submit({ endDate: '2025-06-30' }))
      .thenFails('offer.invalid-period'));
  it('accepts a one-day period', () =>
    given([])
      .when(submit({ endDate: '2025-07-01' }))
      .then([{ ...submitted, data: { ...submitted.data, endDate: '2025-07-01' } } as OfferEvent]));
  it('refuses an offer made in another organisation’s name', () =>
    given([]).when(submit({}, otherNgo)).thenFails('offer.not-yours'));
  it('takes an in-kind offer without an amount, in the request’s currency', () =>
    given([])
      .when(submit({ kind: 'in-kind', amount: undefined }))
      .then(
        [
          {
            type: 'OfferSubmitted',
            data: { ...submission, kind: 'in-kind', currency: 'USD', endDate: '2025-07-21' },
          },
        ],
        (state) => expect(state).toMatchObject({ kind: 'in-kind', currency: 'USD', status: 'submitted' }),
      ));
  it('takes an expertise offer with an estimated value', () =>
    given([])
      .when(submit({ kind: 'expertise', amount: usd('5000') }))
      .then([
        {
          type: 'OfferSubmitted',
          data: { ...submitted.data, kind: 'expertise', amount: { amount: '5000.00', currency: 'USD' } },
        } as OfferEvent,
      ]));
  it('refuses a funding offer without an amount', () =>
    given([])
      .when(submit({ amount: undefined }))
      .thenFails('offer.amount-required'));
  it('refuses an estimated value in another currency', () =>
    given([])
      .when(submit({ kind: 'in-kind', amount: eur('10') }))
      .thenFails('money.currency-mismatch'));
  it('reads an offer recorded before kinds existed as funding', () =>
    given([
      {
        type: 'OfferSubmitted',
        data: { ...submission, endDate: '2025-07-21', amount: { amount: '1.00', currency: 'USD' } },
      },
    ])
      .when(command('ReviseOffer', { amount: eur('1') }, offering))
      .thenFails('money.currency-mismatch'));
  it('refuses to submit the same offer twice', () =>
    given([submitted]).when(submit()).thenFails('offer.already-submitted'));
});

describe('ReviseOffer', () => {
  it('records the revised fields', () =>
    given([submitted])
      .when(command('ReviseOffer', { amount: usd('110000') }, offering))
      .then([{ type: 'OfferRevised', data: { offerId, amount: { amount: '110000.00', currency: 'USD' } } }]));
  it('checks a revised end date against the start date already on the offer', () =>
    given([submitted])
      .when(command('ReviseOffer', { endDate: '2025-06-01' }, offering))
      .thenFails('offer.invalid-period'));
  it('refuses to change the currency', () =>
    given([submitted])
      .when(command('ReviseOffer', { amount: eur('1') }, offering))
      .thenFails('money.currency-mismatch'));
  it('refuses a revision by another organisation', () =>
    given([submitted])
      .when(command('ReviseOffer', { summary: 'x' }, otherNgo))
      .thenFails('offer.not-yours'));
  it('refuses to revise an accepted offer', () =>
    given([submitted, accepted])
      .when(command('ReviseOffer', { summary: 'x' }, offering))
      .thenFails('offer.not-submitted'));
});

describe('ReviseOffer on an in-kind offer', () => {
  const inKind: OfferEvent = {
    type: 'OfferSubmitted',
    data: { ...submission, kind: 'in-kind', currency: 'USD', endDate: '2025-07-21' },
  };
  it('adds an estimated value later, in the request’s currency', () =>
    given([inKind])
      .when(command('ReviseOffer', { amount: usd('900') }, offering))
      .then([{ type: 'OfferRevised', data: { offerId, amount: { amount: '900.00', currency: 'USD' } } }]));
  it('refuses a value in another currency', () =>
    given([inKind])
      .when(command('ReviseOffer', { amount: eur('900') }, offering))
      .thenFails('money.currency-mismatch'));
});

describe('WithdrawOffer', () => {
  const withdraw = (actor = offering) => command('WithdrawOffer', { reason: 'team unavailable' }, actor);
  it('lets the offering organisation withdraw a submitted offer', () =>
    given([submitted]).when(withdraw()).then([withdrawn]));
  it('refuses a withdrawal by another organisation', () =>
    given([submitted]).when(withdraw(otherNgo)).thenFails('offer.not-yours'));
  it('refuses a withdrawal by an officer, who has no organisation', () =>
    given([submitted]).when(withdraw(officer())).thenFails('offer.not-yours'));
  it('refuses to withdraw an accepted offer', () =>
    given([submitted, accepted]).when(withdraw()).thenFails('offer.not-withdrawable'));
  it('refuses to withdraw an offer that does not exist', () =>
    given([]).when(withdraw()).thenFails('offer.not-found'));
});

describe('AcceptOffer', () => {
  const accept = command('AcceptOffer', { matchId: 'match-1' }, officer());
  it('accepts a submitted offer for a match', () =>
    given([submitted])
      .when(accept)
      .then([accepted], (state) => expect(state).toMatchObject({ status: 'accepted', matchId: 'match-1' })));
  it('records nothing when the same match accepts it again (a retried match)', () =>
    given([submitted, accepted]).when(accept).then([]));
  it('refuses to accept an offer already accepted for another match', () =>
    given([submitted, accepted])
      .when(command('AcceptOffer', { matchId: 'match-2' }, officer()))
      .thenFails('offer.not-submitted'));
  it('refuses to accept a withdrawn offer', () =>
    given([submitted, withdrawn]).when(accept).thenFails('offer.not-submitted'));
});

describe('DeclineOffer', () => {
  const decline = command('DeclineOffer', { matchId: 'match-1' }, officer());
  it('declines a submitted offer when another one is matched', () =>
    given([submitted])
      .when(decline)
      .then([{ type: 'OfferDeclined', data: { offerId, requestId, matchId: 'match-1' } }]));
  it('refuses to decline an accepted offer', () =>
    given([submitted, accepted]).when(decline).thenFails('offer.not-submitted'));
});
