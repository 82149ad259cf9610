import { add, compare, sum } from '../money/arithmetic';
import { money, type Money } from '../money/money';
import type { UnreviewedRelease } from '../release-window/release-window';
import { withinDays } from '../shared/date';
import type { DisbursementPolicy } from './match.commands';
import type { ApprovalReason } from './match.events';
import type { Match } from './match.state';

/** This match's tranches released without a second approval (reversed ones too). */
const releasedUnreviewedHere = (match: Match): UnreviewedRelease[] =>
  match.disbursements.flatMap((d) =>
    d.approvedBy === undefined && d.disbursedAt !== undefined
      ? [{ matchId: match.matchId, disbursementId: d.id, amount: d.amount, releasedAt: d.disbursedAt }]
      : [],
  );

/**
 * Four-eyes rule for money going out: a tranche above the threshold waits for a second officer,
 * and so does one that, added to the tranches released to the same organisation without a second
 * approval in the last `windowDays` — through this match or any other (`organizationReleases`,
 * decision 0211) — would take them above it: splitting a payment, or spreading it over several
 * matches, must not dodge review. Only releases in the match's currency count (the threshold is
 * one amount in each currency). A release known both to the match and to the organisation's
 * window counts once.
 */
export const approvalNeeded = (
  match: Match,
  amount: Money,
  policy: DisbursementPolicy,
  now: string,
  organizationReleases: UnreviewedRelease[] = [],
): ApprovalReason | undefined => {
  const threshold = money(policy.approvalThreshold, match.currency);
  if (compare(amount, threshold) > 0) return 'amount-above-threshold';
  const byTranche = new Map<string, UnreviewedRelease>();
  for (const release of [...releasedUnreviewedHere(match), ...organizationReleases])
    byTranche.set(release.disbursementId, release);
  const inWindow = [...byTranche.values()].filter(
    (r) => r.amount.currency === match.currency && withinDays(r.releasedAt, now, policy.windowDays),
  );
  const windowTotal = add(
    sum(
      match.currency,
      inWindow.map((r) => r.amount),
    ),
    amount,
  );
  return compare(windowTotal, threshold) > 0 ? 'window-total-above-threshold' : undefined;
};
