import { approvalNeeded } from '../match/approval-policy';
import { matchDecider } from '../match/match.decider';
import type { MatchCommand } from '../match/match.commands';
import type { MatchEvent } from '../match/match.events';
import type { Match } from '../match/match.state';
import { foldEvents } from '../shared/fold';
import { by, eur, officer, usd } from '../testing/fixtures';
import { specFor } from '../testing/given';
import { releaseWindowDecider, type UnreviewedRelease, type ReleaseWindowEvent } from './release-window';

const organizationId = 'GB-CHC-202918';
const at = '2025-06-10T12:00:00.000Z';
const policy = { approvalThreshold: 10_000_000n, windowDays: 30 }; // 100000.00
const release = (
  matchId: string,
  id: string,
  amount = usd('60000.00'),
  releasedAt = at,
): UnreviewedRelease => ({
  matchId,
  disbursementId: id,
  amount,
  releasedAt,
});

describe('RecordUnreviewedRelease', () => {
  const { given } = specFor(releaseWindowDecider);
  const record = (r: UnreviewedRelease) =>
    ({
      type: 'RecordUnreviewedRelease',
      data: { organizationId, ...r },
      metadata: by(officer('alice'), at),
    }) as const;
  const recorded = (r: UnreviewedRelease): ReleaseWindowEvent => ({
    type: 'UnreviewedReleaseRecorded',
    data: {
      organizationId,
      matchId: r.matchId,
      disbursementId: r.disbursementId,
      amount: { amount: '60000.00', currency: 'USD' },
      releasedAt: r.releasedAt,
    },
  });
  it('records a release of any match of the organisation', () =>
    given([recorded(release('m1', 'd1'))])
      .when(record(release('m2', 'd2')))
      .then([recorded(release('m2', 'd2'))], (state) =>
        expect(state.status === 'none' ? [] : state.releases.map((r) => r.matchId)).toEqual(['m1', 'm2']),
      ));
  it('records a release it holds already only once (a retried command)', () =>
    given([recorded(release('m1', 'd1'))])
      .when(record(release('m1', 'd1')))
      .then([]));
});

describe('the four-eyes window counts every match of the organisation', () => {
  const made: MatchEvent = {
    type: 'MatchMade',
    data: { matchId: 'm2', requestId: 'r', offerId: 'o', organizationId, currency: 'USD', madeBy: 'alice' },
  };
  const match = foldEvents(matchDecider, [
    made,
    {
      type: 'FundsCommitted',
      data: { matchId: 'm2', amount: { amount: '300000.00', currency: 'USD' }, committedBy: 'alice' },
    },
  ]) as Match;
  const request = (organizationReleases?: UnreviewedRelease[]): MatchCommand => ({
    type: 'RequestDisbursement',
    data: {
      disbursementId: 'd9',
      amount: usd('50000.00'),
      reference: 'PAY-9',
      policy,
      organization: { status: 'vetted' },
      offer: { status: 'accepted', matchId: 'm2' },
      organizationReleases,
    },
    metadata: by(officer('alice'), at),
  });
  const held = (events: MatchEvent[] | unknown) =>
    expect((events as MatchEvent[]).map((e) => e.type)).toEqual(['DisbursementRequested']);

  it('holds a tranche that, with another match’s unreviewed releases, goes above the threshold', () => {
    const outcome = matchDecider.decide(request([release('m1', 'd1')]), match);
    held(outcome);
    expect(outcome).toMatchObject([{ data: { approvalReason: 'window-total-above-threshold' } }]);
  });
  it('releases it when the other match’s release is outside the window', () =>
    expect(
      approvalNeeded(match, usd('50000.00'), policy, at, [
        release('m1', 'd1', usd('60000.00'), '2025-05-01T12:00:00.000Z'),
      ]),
    ).toBeUndefined());
  it('releases it when the other match’s release was in another currency', () =>
    expect(
      approvalNeeded(match, usd('50000.00'), policy, at, [release('m1', 'd1', eur('60000.00'))]),
    ).toBeUndefined());
  it('counts a release known to both the match and the window once', () => {
    const here = foldEvents(matchDecider, [
      made,
      {
        type: 'FundsCommitted',
        data: { matchId: 'm2', amount: { amount: '300000.00', currency: 'USD' }, committedBy: 'alice' },
      },
      {
        type: 'DisbursementRequested',
        data: {
          matchId: 'm2',
          disbursementId: 'd1',
          amount: { amount: '60000.00', currency: 'USD' },
          reference: 'P',
          requestedBy: 'alice',
          requestedAt: at,
          requiresApproval: false,
        },
      },
      {
        type: 'FundsDisbursed',
        data: {
          matchId: 'm2',
          disbursementId: 'd1',
          amount: { amount: '60000.00', currency: 'USD' },
          reference: 'P',
          disbursedAt: at,
        },
      },
    ]) as Match;
    expect(approvalNeeded(here, usd('40000.00'), policy, at, [release('m2', 'd1')])).toBeUndefined();
    expect(approvalNeeded(here, usd('40000.01'), policy, at, [release('m2', 'd1')])).toBe(
      'window-total-above-threshold',
    );
  });
});
