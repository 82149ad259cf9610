import fc from 'fast-check';
import { compare, sum } from '../money/arithmetic';
import { money } from '../money/money';
import { isDomainError } from '../shared/decider';
import { by, officer } from '../testing/fixtures';
import type { RequestCommand } from './request.commands';
import { requestDecider } from './request.decider';
import type { RequestEvent } from './request.events';
import type { HelpRequest, RequestState } from './request.state';

/**
 * The shared budget (decision 0182): whatever commitments and decommitments the matches of one
 * request send, in any order, the sum reserved never exceeds the budget and always equals the sum
 * of what each match holds (never negative).
 */
const matchIds = ['m1', 'm2', 'm3'];
const published: RequestEvent = {
  type: 'HelpRequestPublished',
  data: {
    requestId: 'r1',
    title: 't',
    description: 'd',
    tracks: [1],
    country: 'KE',
    budget: { amount: '1000.00', currency: 'USD' },
    neededBy: '2030-01-01',
    publishedBy: 'officer',
  },
};
const step = fc.record({
  reserve: fc.boolean(),
  matchId: fc.constantFrom(...matchIds, 'm-unknown'),
  minor: fc.integer({ min: 0, max: 60_000 }),
});

describe('the shared budget of a request under any sequence of commitments', () => {
  it('never reserves more than the budget, and holds exactly what the matches hold', () =>
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 80 }), (steps) => {
        let state: RequestState = requestDecider.evolve(requestDecider.initialState, published);
        for (const matchId of matchIds) {
          state = requestDecider.evolve(state, {
            type: 'RequestMatched',
            data: { requestId: 'r1', matchId, offerId: `o-${matchId}`, keptOpen: true },
          });
        }
        for (const { reserve, matchId, minor } of steps) {
          const command = {
            type: reserve ? 'ReserveBudget' : 'ReleaseBudget',
            data: { matchId, amount: money(BigInt(minor), 'USD') },
            metadata: by(officer()),
          } as RequestCommand;
          const outcome = requestDecider.decide(command, state);
          if (isDomainError(outcome)) continue;
          for (const event of outcome) state = requestDecider.evolve(state, event);
          const request = state as HelpRequest;
          expect(compare(request.committed, request.budget)).toBeLessThanOrEqual(0);
          expect(request.committed.minor).toBeGreaterThanOrEqual(0n);
          Object.values(request.reserved).forEach((held) => expect(held.minor).toBeGreaterThanOrEqual(0n));
          expect(sum('USD', Object.values(request.reserved))).toEqual(request.committed);
        }
      }),
      { numRuns: 300 },
    ));
});
