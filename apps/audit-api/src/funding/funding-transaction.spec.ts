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

describe('money going back in the funding exports', () => {
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
  const references = new Map([['d-1', 'PAY-1']]);

  it('shows a decommitment as a type-2 transaction with a negative value', () => {
    const t = fundingTransactionOf(
      directory,
      references,
      event('FundsDecommitted', { amount: usd('2500.00'), reason: 'scaled down', decommittedBy: 'alice' }),
    )!;
    expect(t).toMatchObject({ kind: 'decommitment', amount: usd('-2500.00'), valueDate: '2026-12-04' });
    expect(iatiTypeOf[t.kind]).toBe('2');
  });

  it('shows a reversal as a type-3 transaction with a negative value', () => {
    const t = fundingTransactionOf(
      directory,
      references,
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
