import { add, compare, sum } from '../money/arithmetic';
import { money, type Money } from '../money/money';
import { withinDays } from '../shared/date';
import type { DisbursementPolicy } from './match.commands';
import type { ApprovalReason } from './match.events';
import type { Match } from './match.state';

/**
 * Four-eyes rule for money going out: a tranche above the threshold waits for a second officer,
 * and so does one that, added to the tranches this match released without a second approval in
 * the last `windowDays`, would take them above it — splitting a payment must not dodge review.
 */
export const approvalNeeded = (
  match: Match,
  amount: Money,
  policy: DisbursementPolicy,
  now: string,
): ApprovalReason | undefined => {
  const threshold = money(policy.approvalThreshold, match.currency);
  if (compare(amount, threshold) > 0) return 'amount-above-threshold';
  // Reversed tranches still count: they were released without review, whatever happened after.
  const releasedUnreviewed = match.disbursements.filter(
    (d) =>
      d.approvedBy === undefined &&
      d.disbursedAt !== undefined &&
      withinDays(d.disbursedAt, now, policy.windowDays),
  );
  const windowTotal = add(
    sum(
      match.currency,
      releasedUnreviewed.map((d) => d.amount),
    ),
    amount,
  );
  return compare(windowTotal, threshold) > 0 ? 'window-total-above-threshold' : undefined;
};
