import {
  add,
  budgetTotal,
  compare,
  deciderFor,
  Event,
  evolveFor,
  formatMoney,
  Match,
  Money,
  sum,
  MatchState,
  RequestState,
} from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';

export interface InvariantBreach {
  kind: 'invariant';
  /**
   * `disbursed + pendingApproval ≤ committed`, `committed ≤ budget` (of one match, and of all the
   * matches of a request together: `request.over-committed`), `budget lines ≤ committed`
   * (`budget.over-committed`), or `one currency`.
   */
  rule:
    | 'match.over-disbursed'
    | 'match.over-committed'
    | 'request.over-committed'
    | 'budget.over-committed'
    | 'match.currency-mismatch';
  streamId: string;
  position: number;
  revision: number;
  detail: string;
}

const check = (
  match: Match,
  request: RequestState | undefined,
  requestCommitted: Money,
): Omit<InvariantBreach, 'kind' | 'streamId' | 'position' | 'revision'> | undefined => {
  const out = add(match.disbursed, match.pendingApproval);
  if (compare(out, match.committed) > 0)
    return {
      rule: 'match.over-disbursed',
      detail: `disbursed + pending approval ${formatMoney(out).amount} exceeds committed ${formatMoney(match.committed).amount} ${match.currency}`,
    };
  const budgeted = budgetTotal(match);
  if (compare(budgeted, match.committed) > 0)
    return {
      rule: 'budget.over-committed',
      detail: `the budget lines ${formatMoney(budgeted).amount} exceed committed ${formatMoney(match.committed).amount} ${match.currency}`,
    };
  if (!request || request.status === 'none') return undefined;
  if (request.budget.currency !== match.currency)
    return {
      rule: 'match.currency-mismatch',
      detail: `match in ${match.currency}, request budget in ${request.budget.currency}`,
    };
  if (compare(match.committed, request.budget) > 0)
    return {
      rule: 'match.over-committed',
      detail: `committed ${formatMoney(match.committed).amount} exceeds the request budget ${formatMoney(request.budget).amount} ${match.currency}`,
    };
  if (compare(requestCommitted, request.budget) > 0)
    return {
      rule: 'request.over-committed',
      detail: `the request's matches together committed ${formatMoney(requestCommitted).amount}, over its budget ${formatMoney(request.budget).amount} ${match.currency}`,
    };
  return undefined;
};

/**
 * Replays every request and match with the domain's evolve and checks the money invariants after
 * each match event, so a breach is found at the moment it happened, not only at the end.
 */
export const checkMoneyInvariants = async (
  store: EventStore,
): Promise<{ events: number; breaches: InvariantBreach[] }> => {
  const requests = new Map<string, RequestState>();
  const matches = new Map<string, MatchState>();
  const [evolveRequest, evolveMatch] = [evolveFor('request'), evolveFor('match')];
  const breaches: InvariantBreach[] = [];
  // What each match of a request has committed, for the shared budget (decision 0182).
  const committedByRequest = new Map<string, Map<string, Money>>();
  let events = 0;
  for await (const event of store.readAll({ batchSize: 2000 })) {
    events += 1;
    const e = event as Event<string, unknown>;
    if (event.streamId.startsWith('request-')) {
      requests.set(
        event.streamId,
        evolveRequest(requests.get(event.streamId) ?? deciderFor('request').initialState, e),
      );
    } else if (event.streamId.startsWith('match-')) {
      const match = evolveMatch(matches.get(event.streamId) ?? deciderFor('match').initialState, e);
      matches.set(event.streamId, match);
      if (match.status === 'none') continue;
      const ofRequest = committedByRequest.get(match.requestId) ?? new Map<string, Money>();
      committedByRequest.set(match.requestId, ofRequest.set(match.matchId, match.committed));
      const together = sum(
        match.currency,
        [...ofRequest.values()].filter((m) => m.currency === match.currency),
      );
      const breach = check(match, requests.get(`request-${match.requestId}`), together);
      if (breach)
        breaches.push({
          kind: 'invariant',
          streamId: event.streamId,
          position: event.position,
          revision: event.revision,
          ...breach,
        });
    }
  }
  return { events, breaches };
};
