import type { MatchEvent } from './match.events';
import type { MatchCommand } from './match.commands';
import { matchDecider } from './match.decider';
import { by, officer } from '../testing/fixtures';
import { specFor } from '../testing/given';

const { given } = specFor(matchDecider);
const matchId = 'match-1';
const wire = (amount: string) => ({ amount, currency: 'USD' });
const held: MatchEvent[] = [
  {
    type: 'MatchMade',
    data: {
      matchId,
      requestId: 'r',
      offerId: 'o',
      organizationId: 'GB-CHC-1',
      currency: 'USD',
      madeBy: 'alice',
    },
  },
  { type: 'FundsCommitted', data: { matchId, amount: wire('300000.00'), committedBy: 'alice' } },
  {
    type: 'DisbursementRequested',
    data: {
      matchId,
      disbursementId: 'd1',
      amount: wire('150000.00'),
      reference: 'PAY-1',
      requestedBy: 'alice',
      requestedAt: '2025-06-01T12:00:00.000Z',
      requiresApproval: true,
      approvalReason: 'amount-above-threshold',
    },
  },
];
const approveAs = (sub: string): MatchCommand => ({
  type: 'ApproveDisbursement',
  data: { disbursementId: 'd1', organization: { status: 'vetted' } },
  metadata: by(officer(sub)),
});

// API.md: officer identities are compared after NFKC normalisation, trimming and case folding.
describe('ApproveDisbursement compares officers as one person however their name is written', () => {
  it.each([
    ['another case', 'Alice'],
    ['surrounding spaces', '  alice '],
    ['a compatibility form (fullwidth letters)', 'ａｌｉｃｅ'],
    ['all of them', ' ＡＬＩＣＥ\t'],
  ])('refuses the requester written in %s', (_, sub) =>
    given(held).when(approveAs(sub)).thenFails('disbursement.self-approval'),
  );
});
