import { formatMoney, fromWire } from '../money/format-money';
import type { Money, WireMoney } from '../money/money';
import type { Command, Decider, Event } from '../shared/decider';
import { listOf } from '../shared/type-list';

/**
 * The four-eyes window of one organisation (API.md: tranches released without a second approval
 * to the same organisation across all its matches), on its own stream `window-{organizationId}`.
 * Every tranche released without a second approval is recorded here in the same atomic append as
 * its release, at the revision its decision read (decision 0211): two releases to one
 * organisation through different matches clash here, and the later is decided again on the new
 * total. Reversals do not take a release out: it went out without review, whatever came after.
 */
export type UnreviewedRelease = {
  matchId: string;
  disbursementId: string;
  amount: Money;
  /** ISO instant of the release. */
  releasedAt: string;
};

export type UnreviewedReleaseRecorded = Event<
  'UnreviewedReleaseRecorded',
  { organizationId: string; matchId: string; disbursementId: string; amount: WireMoney; releasedAt: string }
>;

export type ReleaseWindowEvent = UnreviewedReleaseRecorded;

export const releaseWindowEventTypes = listOf<ReleaseWindowEvent['type']>({
  UnreviewedReleaseRecorded: true,
});

export type RecordUnreviewedRelease = Command<
  'RecordUnreviewedRelease',
  { organizationId: string } & UnreviewedRelease
>;

export type ReleaseWindowCommand = RecordUnreviewedRelease;

export type ReleaseWindow = { status: 'recorded'; organizationId: string; releases: UnreviewedRelease[] };

export type ReleaseWindowState = { status: 'none' } | ReleaseWindow;

const evolveReleaseWindow = (state: ReleaseWindowState, event: ReleaseWindowEvent): ReleaseWindowState => {
  if (event.type !== 'UnreviewedReleaseRecorded') return state;
  const { organizationId, matchId, disbursementId, amount, releasedAt } = event.data;
  const releases = state.status === 'none' ? [] : state.releases;
  const release = { matchId, disbursementId, amount: fromWire(amount), releasedAt };
  return { status: 'recorded', organizationId, releases: [...releases, release] };
};

/** Nothing to refuse: the match's decider already judged the release; a release seen before adds nothing. */
const decideReleaseWindow = (
  { data }: ReleaseWindowCommand,
  state: ReleaseWindowState,
): ReleaseWindowEvent[] => {
  const { organizationId, matchId, disbursementId, amount, releasedAt } = data;
  if (state.status !== 'none' && state.releases.some((r) => r.disbursementId === disbursementId)) return [];
  return [
    {
      type: 'UnreviewedReleaseRecorded',
      data: { organizationId, matchId, disbursementId, amount: formatMoney(amount), releasedAt },
    },
  ];
};

export const releaseWindowDecider: Decider<ReleaseWindowCommand, ReleaseWindowEvent, ReleaseWindowState> = {
  decide: decideReleaseWindow,
  evolve: evolveReleaseWindow,
  initialState: { status: 'none' },
};
