import fc from 'fast-check';
import { matchDecider } from '../match/match.decider';
import type { MatchCommand } from '../match/match.commands';
import type { MatchEvent } from '../match/match.events';
import type { Match, MatchState } from '../match/match.state';
import { money } from '../money/money';
import { isDomainError } from '../shared/decider';
import { by, officer } from '../testing/fixtures';
import { releaseWindowDecider, type ReleaseWindowState } from './release-window';

/**
 * The four-eyes window of one organisation (decision 0211): whatever tranches are asked for, on
 * whichever of its matches, in whatever order and at whatever pace, the tranches released to it
 * without a second approval inside any window never add up above the threshold — as long as every
 * release is decided on the window's current state and recorded on it, which is what the atomic
 * append with the window's expected revision guarantees.
 */
const organizationId = 'GB-CHC-1';
const threshold = 100_000n;
const policy = { approvalThreshold: threshold, windowDays: 30 };
const matchIds = ['m1', 'm2', 'm3', 'm4'];
const dayMs = 86_400_000;
const start = Date.parse('2026-01-01T00:00:00.000Z');

const opened = (matchId: string): MatchState =>
  [
    {
      type: 'MatchMade',
      data: {
        matchId,
        requestId: `r-${matchId}`,
        offerId: `o-${matchId}`,
        organizationId,
        currency: 'USD',
        madeBy: 'a',
      },
    },
    {
      type: 'FundsCommitted',
      data: { matchId, amount: { amount: '1000000000.00', currency: 'USD' }, committedBy: 'a' },
    },
  ].reduce<MatchState>(
    (state, event) => matchDecider.evolve(state, event as MatchEvent),
    matchDecider.initialState,
  );

const step = fc.record({
  match: fc.constantFrom(...matchIds),
  minor: fc.integer({ min: 1, max: 60_000 }),
  hours: fc.integer({ min: 0, max: 24 * 12 }),
});

describe('the four-eyes window of an organisation over several matches', () => {
  it('never lets unreviewed releases inside any window exceed the threshold', () =>
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const matches = new Map(matchIds.map((id) => [id, opened(id)]));
        let window: ReleaseWindowState = releaseWindowDecider.initialState;
        let now = start;
        steps.forEach(({ match, minor, hours }, index) => {
          now += hours * 3_600_000;
          const at = new Date(now).toISOString();
          const state = matches.get(match)!;
          const command = {
            type: 'RequestDisbursement',
            data: {
              disbursementId: `d${index}`,
              amount: money(BigInt(minor), 'USD'),
              reference: 'P',
              policy,
              organization: { status: 'vetted' },
              offer: { status: 'accepted', matchId: match },
              organizationReleases: window.status === 'none' ? [] : window.releases,
            },
            metadata: by(officer('alice'), at),
          } as MatchCommand;
          const events = matchDecider.decide(command, state);
          if (isDomainError(events)) throw new Error(events.message);
          matches.set(match, events.reduce(matchDecider.evolve, state));
          const released = events.find((e) => e.type === 'FundsDisbursed');
          if (!released) return;
          const recorded = releaseWindowDecider.decide(
            {
              type: 'RecordUnreviewedRelease',
              data: {
                organizationId,
                matchId: match,
                disbursementId: `d${index}`,
                amount: money(BigInt(minor), 'USD'),
                releasedAt: at,
              },
              metadata: by(officer('alice'), at),
            },
            window,
          );
          if (isDomainError(recorded)) throw new Error(recorded.message);
          window = recorded.reduce(releaseWindowDecider.evolve, window);
          const releases = window.status === 'none' ? [] : window.releases;
          // Every window that ends at this release holds at most the threshold.
          const inWindow = releases.filter((r) => now - Date.parse(r.releasedAt) < 30 * dayMs);
          expect(inWindow.reduce((total, r) => total + r.amount.minor, 0n)).toBeLessThanOrEqual(threshold);
        });
        const perMatch = [...matches.values()].map((m) => (m as Match).disbursements.length);
        expect(perMatch.reduce((a, b) => a + b, 0)).toBe(steps.length);
      }),
      { numRuns: 200 },
    ));
});
