import fc from 'fast-check';
import { matchDecider } from '../match/match.decider';
import type { MatchEvent } from '../match/match.events';
import { offerDecider } from '../offer/offer.decider';
import type { OfferEvent } from '../offer/offer.events';
import { requestDecider } from '../request/request.decider';
import type { RequestEvent } from '../request/request.events';
import { stateOf } from '../deciders';
import { by, ngo, officer } from '../testing/fixtures';
import { specFor } from '../testing/given';
import { attachmentPurposes, type AttachDocument, type AttachedDocument } from './attachments';

const organizationId = 'GB-CHC-202918';
const document: AttachedDocument = {
  documentId: '6f1c1a8e-2c7d-4a52-9d64-3a3b4f0a9e11',
  sha256: 'a'.repeat(64),
  size: 1234,
  mediaType: 'application/pdf',
  purpose: 'receipt',
};
const attach = (actor = officer(), alreadyAttached = false): AttachDocument => ({
  type: 'AttachDocument',
  data: { ...document, alreadyAttached },
  metadata: by(actor),
});
const attached = [{ type: 'DocumentAttached' as const, data: document }];

const published: RequestEvent = {
  type: 'HelpRequestPublished',
  data: {
    requestId: 'req-1',
    title: 'Wells',
    description: 'Clean water',
    country: 'KE',
    budget: { amount: '1000.00', currency: 'USD' },
    tracks: [],
    startDate: '2025-07-01',
    endDate: '2025-12-31',
    publishedBy: 'officer-1',
  },
} as unknown as RequestEvent;
const submitted: OfferEvent = {
  type: 'OfferSubmitted',
  data: {
    offerId: 'offer-1',
    requestId: 'req-1',
    organizationId,
    summary: 'We dig',
    kind: 'funding',
    amount: { amount: '500.00', currency: 'USD' },
    currency: 'USD',
    startDate: '2025-07-01',
    endDate: '2025-12-31',
  },
};
const made: MatchEvent = {
  type: 'MatchMade',
  data: {
    matchId: 'match-1',
    requestId: 'req-1',
    offerId: 'offer-1',
    organizationId,
    currency: 'USD',
    madeBy: 'alice',
  },
};

describe('attaching a document to a request', () => {
  const { given } = specFor(requestDecider);
  it('records its hash, size, type and purpose for an officer', () =>
    given([published]).when(attach()).then(attached));
  it('refuses an NGO: only officers write to a request', () =>
    given([published])
      .when(attach(ngo(organizationId)))
      .thenFails('document.not-writable'));
  it('refuses a request that does not exist', () => given([]).when(attach()).thenFails('request.not-found'));
  it('refuses the same document twice', () =>
    given([published]).when(attach(officer(), true)).thenFails('document.already-attached'));
});

describe('attaching a document to an offer', () => {
  const { given } = specFor(offerDecider);
  it('takes one from the offering NGO', () =>
    given([submitted])
      .when(attach(ngo(organizationId)))
      .then(attached));
  it('takes one from an officer', () => given([submitted]).when(attach()).then(attached));
  it('refuses another NGO', () =>
    given([submitted])
      .when(attach(ngo('FR-RNA-W751234567')))
      .thenFails('document.not-writable'));
  it('refuses an offer that does not exist', () => given([]).when(attach()).thenFails('offer.not-found'));
});

describe('attaching a document to a match', () => {
  const { given } = specFor(matchDecider);
  it('takes one from the matched NGO', () =>
    given([made])
      .when(attach(ngo(organizationId)))
      .then(attached));
  it('refuses another NGO', () =>
    given([made])
      .when(attach(ngo('FR-RNA-W751234567')))
      .thenFails('document.not-writable'));
  it('refuses a match that does not exist', () => given([]).when(attach()).thenFails('match.not-found'));

  it('changes nothing the match decides on, whatever the purpose', () =>
    fc.assert(
      fc.property(fc.constantFrom(...attachmentPurposes), fc.nat(), (purpose, size) => {
        const event = { type: 'DocumentAttached' as const, data: { ...document, purpose, size } };
        expect(stateOf('match', [made, event])).toEqual(stateOf('match', [made]));
      }),
    ));
});
