import {
  add,
  deciderFor,
  Event,
  evolveFor,
  formatMoney,
  Match,
  MatchState,
  Money,
  subtract,
  sum,
} from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import type { LedgerLine } from '@multitrack/read-models';
import { FundingDirectory } from './funding-directory';
import { valueDateOf } from './funding-transaction';

export interface LedgerAsOf {
  asOf: string;
  valueDate?: string;
  byMatch: LedgerLine[];
  byOrganization: LedgerLine[];
  byTrack: LedgerLine[];
  byCountry: LedgerLine[];
}

interface Totals {
  matches: number;
  committed: Money;
  disbursed: Money;
  pendingApproval: Money;
  confirmedReceived: Money;
  discrepancyCount: number;
  discrepancy: Money;
  reportedExpenditure: Money;
  acceptedExpenditure: Money;
}

const totalsOf = (match: Match): Totals => {
  const differing = match.disbursements.flatMap((d) =>
    d.receipt?.discrepancy ? [d.receipt.discrepancy] : [],
  );
  return {
    matches: 1,
    committed: match.committed,
    disbursed: match.disbursed,
    pendingApproval: match.pendingApproval,
    confirmedReceived: match.confirmedReceived,
    discrepancyCount: differing.length,
    discrepancy: sum(
      match.currency,
      differing.map((d) => subtract(d.expected, d.received)),
    ),
    reportedExpenditure: match.reportedExpenditure,
    acceptedExpenditure: match.acceptedExpenditure,
  };
};

const plus = (a: Totals, b: Totals): Totals => ({
  matches: a.matches + b.matches,
  committed: add(a.committed, b.committed),
  disbursed: add(a.disbursed, b.disbursed),
  pendingApproval: add(a.pendingApproval, b.pendingApproval),
  confirmedReceived: add(a.confirmedReceived, b.confirmedReceived),
  discrepancyCount: a.discrepancyCount + b.discrepancyCount,
  discrepancy: add(a.discrepancy, b.discrepancy),
  reportedExpenditure: add(a.reportedExpenditure, b.reportedExpenditure),
  acceptedExpenditure: add(a.acceptedExpenditure, b.acceptedExpenditure),
});

const lineOf = (key: string, currency: string, t: Totals): LedgerLine => ({
  key,
  currency,
  matches: t.matches,
  committed: formatMoney(t.committed),
  disbursed: formatMoney(t.disbursed),
  pendingApproval: formatMoney(t.pendingApproval),
  confirmedReceived: formatMoney(t.confirmedReceived),
  discrepancies: { count: t.discrepancyCount, amount: formatMoney(t.discrepancy) },
  reportedExpenditure: formatMoney(t.reportedExpenditure),
  acceptedExpenditure: formatMoney(t.acceptedExpenditure),
  outstanding: formatMoney(subtract(t.committed, t.disbursed)),
});

/** Totals grouped by key and currency (amounts never add across currencies), sorted like the live ledger. */
const group = (entries: { keys: string[]; match: Match }[]): LedgerLine[] => {
  const groups = new Map<string, { key: string; currency: string; totals: Totals }>();
  for (const { keys, match } of entries) {
    for (const key of keys) {
      const id = `${key}\u0000${match.currency}`;
      const found = groups.get(id);
      const totals = totalsOf(match);
      groups.set(id, { key, currency: match.currency, totals: found ? plus(found.totals, totals) : totals });
    }
  }
  return [...groups.values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.currency < b.currency ? -1 : 1))
    .map((g) => lineOf(g.key, g.currency, g.totals));
};

/**
 * The funding ledger rebuilt from the log with the domain's own evolve: only events recorded at
 * or before `asOf`, and (with `valueDate`) only money that moved on or before that day — a tranche
 * disbursed later is still pending or requested then. One pass; one state per match in memory.
 */
export const ledgerAsOf = async (store: EventStore, asOf: Date, valueDate?: string): Promise<LedgerAsOf> => {
  const directory = new FundingDirectory();
  const states = new Map<string, MatchState>();
  const evolve = evolveFor('match');
  for await (const event of store.readAll({ batchSize: 2000 })) {
    if (event.recordedAt.getTime() > asOf.getTime()) continue;
    directory.learn(event);
    if (!event.streamId.startsWith('match-')) continue;
    const moved = valueDateOf(event);
    if (valueDate && moved && moved > valueDate) continue;
    states.set(
      event.streamId,
      evolve(states.get(event.streamId) ?? deciderFor('match').initialState, event as Event<string, unknown>),
    );
  }
  const entries = [...states.values()]
    .filter((state): state is Match => state.status !== 'none')
    .map((match) => ({ match, request: directory.requests.get(match.requestId) }));
  const by = (keysOf: (e: (typeof entries)[number]) => string[]) =>
    group(entries.map((e) => ({ keys: keysOf(e), match: e.match })));
  return {
    asOf: asOf.toISOString(),
    ...(valueDate ? { valueDate } : {}),
    byMatch: by((e) => [e.match.matchId]),
    byOrganization: by((e) => [e.match.organizationId]),
    byTrack: by((e) => (e.request?.tracks ?? []).map(String)),
    byCountry: by((e) => (e.request ? [e.request.country] : [])),
  };
};
