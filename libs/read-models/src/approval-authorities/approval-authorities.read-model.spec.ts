import { specForProjection } from '../testing/projection-spec';
import type { StoryEvent } from '../testing/funding-story';
import { approvalAuthoritiesReadModel } from './approval-authorities.read-model';

const { given } = specForProjection(approvalAuthoritiesReadModel);
const usd = (amount: string) => ({ amount, currency: 'USD' });
const on = (type: string, data: Record<string, unknown>): StoryEvent => ({
  streamId: 'authority-alice',
  type,
  data: { officer: 'alice', ...data },
});
const granted = on('ApprovalAuthorityGranted', {
  limit: usd('250000.00'),
  validUntil: '2030-12-31',
  grantedBy: 'root',
});
const lent = on('ApprovalAuthorityDelegated', { to: 'bob', until: '2030-06-30', limit: usd('1000.00') });
const limitKey = JSON.stringify(['alice', 'USD']);

describe('the approval authorities read model', () => {
  it('keeps one limit per officer and currency, with its last valid day', () =>
    given().when(granted).thenRow('limits', limitKey, {
      officer: 'alice',
      currency: 'USD',
      limit_minor: '25000000',
      valid_until: '2030-12-31',
      revoked: false,
    }));

  it('replaces the limit, and a replacement without validUntil clears it', () =>
    given(granted)
      .when(
        on('ApprovalAuthorityReplaced', {
          limit: usd('5.00'),
          previous: usd('250000.00'),
          replacedBy: 'root',
        }),
      )
      .thenRow('limits', limitKey, { limit_minor: '500', valid_until: null, revoked: false }));

  it('marks a revoked limit, keeping the row', () =>
    given(granted)
      .when(on('ApprovalAuthorityRevoked', { currency: 'USD', revokedBy: 'root' }))
      .thenRow('limits', limitKey, { revoked: true }));

  it('records what the officer lent, and each event moves the officer’s revision', () =>
    given(granted)
      .when(lent)
      .thenRow('delegations', JSON.stringify(['alice', 'bob', 'USD']), {
        to_officer: 'bob',
        until: '2030-06-30',
        limit_minor: '100000',
        withdrawn: false,
      }));

  it('touches the officer on every other event of its stream', () =>
    given(granted, lent)
      .when(
        on('ApprovalAuthorityExercised', {
          approvedBy: 'alice',
          delegated: false,
          matchId: 'm',
          disbursementId: 'd',
          amount: usd('1.00'),
        }),
      )
      .thenRow('officers', 'alice', { revision: 2 }));
});
