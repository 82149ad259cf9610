import type { Actor } from '@multitrack/auth';
import type { Category } from '@multitrack/domain';
import type { CommandBody } from '../../apps/coordination-api/src/command-handling/stream-writer';
import { money } from '../support/money';
import { writeDirectly } from '../support/write-directly';
import type { EventStore } from '@multitrack/event-store';

const officer: Actor = { sub: 'officer-1', roles: ['officer'] };
const approver: Actor = { sub: 'officer-2', roles: ['officer'] };
const ngoOf = (organizationId: string): Actor => ({
  sub: `user-of-${organizationId}`,
  roles: ['ngo'],
  organizationId,
});

/** Decided and appended through the API's own writer, as its command handlers do. */
export const execute = <K extends Category>(
  store: EventStore,
  category: K,
  id: string,
  command: CommandBody<K>,
  actor: Actor,
) => writeDirectly(store, category, id, command, actor);

export interface FundingStory {
  organizationId: string;
  requestId: string;
  offerId: string;
  matchId: string;
}

/** The free text a funding story carries into the log (and so into every export). */
export interface StoryText {
  organizationName: string;
  requestTitle: string;
  requestDescription: string;
  reference: string;
  expenditureDescription: string;
}

/**
 * One cooperation through the domain's deciders: an NGO registered and vetted, a request, an offer,
 * a match, a commitment of 200 000, a tranche of 50 000 of which the NGO confirms 49 990 (a
 * discrepancy), and an expenditure report an officer accepted. `text` replaces the story's free text.
 */
export const seedFundingStory = async (
  store: EventStore,
  n: number,
  country = 'KE',
  text: Partial<StoryText> = {},
): Promise<FundingStory> => {
  const organizationId = `US-EIN-${100000 + n}`;
  const [requestId, offerId, matchId] = [`req-${n}`, `off-${n}`, `mat-${n}`];
  const {
    organizationName = `Peace NGO ${n}`,
    requestTitle = `Mediation ${n}`,
    requestDescription = 'Dialogue between parties',
    reference = `TR-${n}-1`,
    expenditureDescription = 'Venue and travel',
  } = text;
  const policy = { approvalThreshold: money('100000.00').minor, windowDays: 30 };
  const vetted = { status: 'vetted' as const };
  await execute(
    store,
    'organization',
    organizationId,
    {
      type: 'RegisterOrganization',
      data: {
        organizationId,
        name: organizationName,
        country: 'US',
        tracks: [2, 4],
        contactEmail: `pd:v1:${organizationId}:AAAA`,
      },
    },
    officer,
  );
  await execute(
    store,
    'organization',
    organizationId,
    { type: 'VetOrganization', data: { decision: 'approved', note: 'checked' } },
    officer,
  );
  await execute(
    store,
    'request',
    requestId,
    {
      type: 'PublishHelpRequest',
      data: {
        requestId,
        title: requestTitle,
        description: requestDescription,
        tracks: [2, 4],
        country,
        budget: money('250000.00'),
        neededBy: '2030-01-31',
      },
    },
    officer,
  );
  await execute(
    store,
    'request',
    requestId,
    { type: 'RecordOffer', data: { offerId, organizationId } },
    ngoOf(organizationId),
  );
  await execute(
    store,
    'offer',
    offerId,
    {
      type: 'SubmitOffer',
      data: {
        offerId,
        requestId,
        organizationId,
        summary: 'We mediate',
        amount: money('200000.00'),
        startDate: '2029-12-01',
        endDate: '2030-06-30',
        request: { status: 'open', currency: 'USD' },
        organization: vetted,
      },
    },
    ngoOf(organizationId),
  );
  await execute(
    store,
    'match',
    matchId,
    {
      type: 'MakeMatch',
      data: {
        matchId,
        requestId,
        offerId,
        organizationId,
        request: { status: 'open', budget: money('250000.00') },
        offer: { status: 'submitted', requestId, amount: money('200000.00') },
        organization: vetted,
      },
    },
    officer,
  );
  await execute(
    store,
    'request',
    requestId,
    { type: 'MarkRequestMatched', data: { matchId, offerId } },
    officer,
  );
  await execute(store, 'offer', offerId, { type: 'AcceptOffer', data: { matchId } }, officer);
  await execute(
    store,
    'match',
    matchId,
    {
      type: 'CommitFunds',
      data: {
        amount: money('200000.00'),
        request: { budget: money('250000.00') },
        offer: { status: 'accepted', matchId },
      },
    },
    officer,
  );
  await execute(
    store,
    'match',
    matchId,
    {
      type: 'RequestDisbursement',
      data: {
        disbursementId: `dis-${n}-1`,
        amount: money('50000.00'),
        reference,
        policy,
        organization: vetted,
        offer: { status: 'accepted', matchId },
      },
    },
    officer,
  );
  await execute(
    store,
    'match',
    matchId,
    {
      type: 'ConfirmDisbursementReceipt',
      data: { disbursementId: `dis-${n}-1`, amount: money('49990.00'), receivedOn: '2030-01-05' },
    },
    ngoOf(organizationId),
  );
  await execute(
    store,
    'match',
    matchId,
    {
      type: 'ReportExpenditure',
      data: {
        reportId: `rep-${n}`,
        amount: money('30000.00'),
        description: expenditureDescription,
        period: { from: '2030-01-01', to: '2030-01-31' },
      },
    },
    ngoOf(organizationId),
  );
  // Accepted, so the exports count it as expenditure (IATI type 4 is accepted expenditure).
  await execute(
    store,
    'match',
    matchId,
    {
      type: 'ReviewExpenditureReport',
      data: { reportId: `rep-${n}`, decision: 'accepted', note: 'checked' },
    },
    approver,
  );
  return { organizationId, requestId, offerId, matchId };
};

/** A second tranche of 10 000 disbursed to the story's match and reversed before any receipt: a negative transaction. */
export const seedReversedTranche = async (
  store: EventStore,
  story: FundingStory,
  { reference, reason }: { reference: string; reason: string },
): Promise<void> => {
  const policy = { approvalThreshold: money('100000.00').minor, windowDays: 30 };
  const disbursementId = `${story.matchId}-reversed`;
  await execute(
    store,
    'match',
    story.matchId,
    {
      type: 'RequestDisbursement',
      data: {
        disbursementId,
        amount: money('10000.00'),
        reference,
        policy,
        organization: { status: 'vetted' },
        offer: { status: 'accepted', matchId: story.matchId },
      },
    },
    officer,
  );
  await execute(
    store,
    'match',
    story.matchId,
    { type: 'ReverseDisbursement', data: { disbursementId, reason } },
    officer,
  );
};
