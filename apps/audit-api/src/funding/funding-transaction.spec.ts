import type { RecordedEvent } from '@multitrack/event-store';
import { FundingDirectory } from './funding-directory';
import { fundingTransactionOf, iatiTypeOf } from './funding-transaction';

const matchId = 'm-1';
const usd = (amount: string) => ({ amount, currency: 'USD' });
let position = 0;
const event = (type: string, data: Record<string, unknown>): RecordedEvent =>
  ({
    type,
    data: { matchId, ...data },
    streamId: `match-${matchId}`,
    revision: position,
    position: position++,
    recordedAt: new Date('2026-12-04T10:00:00Z'),
    metadata: {},
  }) as unknown as RecordedEvent;

/** A directory that knows the one match of these specs. */
const directoryWithMatch = () => {
  const directory = new FundingDirectory();
  directory.matches.set(matchId, {
    matchId,
    requestId: 'r-1',
    offerId: 'o-1',
    organizationId: 'GB-CHC-1',
    currency: 'USD',
    madeAt: new Date(),
    status: 'active',
  });
  return directory;
};

describe('money going back in the funding exports', () => {
  const directory = directoryWithMatch();
  const memory = { references: new Map([['d-1', 'PAY-1']]), reports: new Map<string, string>() };

  it('shows a decommitment as a type-2 transaction with a negative value', () => {
    const t = fundingTransactionOf(
      directory,
      memory,
      event('FundsDecommitted', { amount: usd('2500.00'), reason: 'scaled down', decommittedBy: 'alice' }),
    )!;
    expect(t).toMatchObject({ kind: 'decommitment', amount: usd('-2500.00'), valueDate: '2026-12-04' });
    expect(iatiTypeOf[t.kind]).toBe('2');
  });

  it('shows a reversal as a type-3 transaction with a negative value', () => {
    const t = fundingTransactionOf(
      directory,
      memory,
      event('DisbursementReversed', {
        disbursementId: 'd-1',
        amount: usd('100.00'),
        reason: 'bounced',
        reversedBy: 'bob',
      }),
    )!;
    expect(t).toMatchObject({ kind: 'reversal', amount: usd('-100.00'), reference: 'PAY-1' });
    expect(iatiTypeOf[t.kind]).toBe('3');
  });
});

describe('expenditure in the funding exports', () => {
  const directory = directoryWithMatch();
  const period = { from: '2026-11-01', to: '2026-11-30' };
  const review = (reportId: string, decision: string) =>
    event('ExpenditureReportReviewed', {
      reportId,
      decision,
      note: 'checked',
      amount: usd('300.00'),
      period,
      reviewedBy: 'bob',
      reviewedAt: '2026-12-04T10:00:00Z',
    });

  it('counts a report only when an officer accepts it: a type-4 transaction with its description', () => {
    const memory = { references: new Map<string, string>(), reports: new Map<string, string>() };
    const reported = event('ExpenditureReported', {
      reportId: 'rep-1',
      amount: usd('300.00'),
      description: 'Venue and travel',
      period,
      reportedBy: 'ngo',
    });
    expect(fundingTransactionOf(directory, memory, reported)).toBeUndefined();
    const t = fundingTransactionOf(directory, memory, review('rep-1', 'accepted'))!;
    expect(t).toMatchObject({
      kind: 'expenditure',
      amount: usd('300.00'),
      valueDate: '2026-11-30',
      description: 'Venue and travel',
    });
    expect(iatiTypeOf[t.kind]).toBe('4');
  });

  it('leaves out a report sent back for changes', () => {
    const memory = { references: new Map<string, string>(), reports: new Map<string, string>() };
    expect(fundingTransactionOf(directory, memory, review('rep-2', 'changes_requested'))).toBeUndefined();
  });
});
