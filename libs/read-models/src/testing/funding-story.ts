import { EventEnvelope } from '@multitrack/messaging';

export interface StoryEvent {
  streamId: string;
  type: string;
  data: Record<string, unknown>;
}

const usd = (amount: string) => ({ amount, currency: 'USD' });

/**
 * One cooperation from registration to expenditure, in the order a command handler would append
 * it; `n` makes ids unique so several stories can share a log. For read model tests.
 */
export const fundingStory = (n = 1): StoryEvent[] => {
  const org = `US-EIN-${100000 + n}`;
  const request = `req-${n}`;
  const [offerA, offerB, offerC] = [`off-${n}-a`, `off-${n}-b`, `off-${n}-c`];
  const match = `mat-${n}`;
  const [t1, t2] = [`dis-${n}-1`, `dis-${n}-2`];
  return [
    {
      streamId: `organization-${org}`,
      type: 'OrganizationRegistered',
      data: {
        organizationId: org,
        name: `NGO ${n}`,
        country: 'KE',
        tracks: [2, 4],
        contactEmail: 'ciphertext:abc',
      },
    },
    {
      streamId: `organization-${org}`,
      type: 'OrganizationVetted',
      data: { organizationId: org, note: 'ok', vettedBy: 'officer-1' },
    },
    {
      streamId: `request-${request}`,
      type: 'HelpRequestPublished',
      data: {
        requestId: request,
        title: `Mediation ${n}`,
        description: 'Dialogue',
        tracks: [2, 4],
        country: 'KE',
        budget: usd('250000.00'),
        neededBy: '2027-01-31',
        publishedBy: 'officer-1',
      },
    },
    {
      streamId: `offer-${offerA}`,
      type: 'OfferSubmitted',
      data: {
        offerId: offerA,
        requestId: request,
        organizationId: org,
        summary: 'We mediate',
        amount: usd('200000.00'),
        startDate: '2026-12-01',
        endDate: '2027-06-30',
      },
    },
    {
      streamId: `offer-${offerB}`,
      type: 'OfferSubmitted',
      data: {
        offerId: offerB,
        requestId: request,
        organizationId: 'GB-COH-1',
        summary: 'We too',
        amount: usd('180000.00'),
        startDate: '2026-12-01',
        endDate: '2027-06-30',
      },
    },
    {
      streamId: `offer-${offerC}`,
      type: 'OfferSubmitted',
      data: {
        offerId: offerC,
        requestId: request,
        organizationId: 'GB-COH-2',
        summary: 'Maybe',
        amount: usd('1000.00'),
        startDate: '2026-12-01',
        endDate: '2027-06-30',
      },
    },
    { streamId: `offer-${offerC}`, type: 'OfferWithdrawn', data: { offerId: offerC, reason: 'busy' } },
    {
      streamId: `match-${match}`,
      type: 'MatchMade',
      data: {
        matchId: match,
        requestId: request,
        offerId: offerA,
        organizationId: org,
        currency: 'USD',
        madeBy: 'officer-1',
      },
    },
    {
      streamId: `request-${request}`,
      type: 'RequestMatched',
      data: { requestId: request, matchId: match, offerId: offerA },
    },
    {
      streamId: `offer-${offerA}`,
      type: 'OfferAccepted',
      data: { offerId: offerA, requestId: request, matchId: match },
    },
    {
      streamId: `offer-${offerB}`,
      type: 'OfferDeclined',
      data: { offerId: offerB, requestId: request, matchId: match },
    },
    {
      streamId: `match-${match}`,
      type: 'FundsCommitted',
      data: { matchId: match, amount: usd('200000.00'), committedBy: 'officer-1' },
    },
    {
      streamId: `match-${match}`,
      type: 'DisbursementRequested',
      data: {
        matchId: match,
        disbursementId: t1,
        amount: usd('50000.00'),
        reference: 'TR-1',
        requestedBy: 'officer-1',
        requestedAt: '2026-12-02T00:00:00.000Z',
        requiresApproval: false,
      },
    },
    {
      streamId: `match-${match}`,
      type: 'FundsDisbursed',
      data: {
        matchId: match,
        disbursementId: t1,
        amount: usd('50000.00'),
        reference: 'TR-1',
        disbursedAt: '2026-12-02T00:00:00.000Z',
      },
    },
    {
      streamId: `match-${match}`,
      type: 'DisbursementRequested',
      data: {
        matchId: match,
        disbursementId: t2,
        amount: usd('120000.00'),
        reference: 'TR-2',
        requestedBy: 'officer-1',
        requestedAt: '2026-12-03T00:00:00.000Z',
        requiresApproval: true,
        approvalReason: 'amount-above-threshold',
      },
    },
    {
      streamId: `match-${match}`,
      type: 'DisbursementReceiptConfirmed',
      data: {
        matchId: match,
        disbursementId: t1,
        amount: usd('49990.00'),
        receivedOn: '2026-12-04',
        confirmedBy: 'ngo-1',
        discrepancy: { expected: usd('50000.00'), received: usd('49990.00') },
      },
    },
    {
      streamId: `match-${match}`,
      type: 'ExpenditureReported',
      data: {
        matchId: match,
        reportId: `report-${match}`,
        amount: usd('30000.00'),
        description: 'Venue',
        period: { from: '2026-12-01', to: '2026-12-31' },
        reportedBy: 'ngo-1',
      },
    },
  ];
};

/** The story as the bus would carry it: revisions per stream, positions in order from `firstPosition`. */
export const asEnvelopes = (
  story: StoryEvent[],
  firstPosition = 0,
  start = Date.parse('2026-12-01T00:00:00.000Z'),
): EventEnvelope[] => {
  const revisions = new Map<string, number>();
  return story.map((event, index) => {
    const revision = (revisions.get(event.streamId) ?? -1) + 1;
    revisions.set(event.streamId, revision);
    return {
      eventId: `00000000-0000-4000-8000-${String(firstPosition + index).padStart(12, '0')}`,
      type: event.type,
      data: event.data,
      metadata: {
        correlationId: 'c',
        occurredAt: new Date(start).toISOString(),
        schemaVersion: 1,
        actor: { sub: 'test', roles: [] },
      },
      streamId: event.streamId,
      revision,
      position: firstPosition + index,
      recordedAt: new Date(start + index * 3_600_000).toISOString(),
      hash: 'h'.repeat(64),
      prevHash: null,
    };
  });
};
