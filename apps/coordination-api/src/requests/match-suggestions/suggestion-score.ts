import { fromWire, type OfferKind, type WireMoney } from '@multitrack/domain';

/** The weights of docs/api.md's formula; they add up to 100. */
export const WEIGHTS = { tracks: 40, country: 20, amount: 20, delivery: 20 } as const;

export interface RequestFacts {
  tracks: number[];
  country: string;
  budget: WireMoney;
}

export interface CandidateFacts {
  organization: { id: string; name: string; tracks: number[]; country: string };
  /** The candidate's submitted offer on this request, if it made one. */
  offer?: { id: string; kind: OfferKind; amount?: WireMoney };
  /** Money in the request's currency the organisation was disbursed and reported spending, over all its matches. */
  record?: { disbursed: WireMoney; reportedExpenditure: WireMoney };
}

export interface Suggestion {
  kind: 'offer' | 'organization';
  organizationId: string;
  organizationName: string;
  offerId: string | null;
  score: number;
  reasons: string[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** a / b as a plain ratio for scoring (never money): bigint division keeps big amounts exact enough. */
const ratio = (a: bigint, b: bigint): number => (b === 0n ? 0 : Number((a * 10_000n) / b) / 10_000);

const trackPart = (request: RequestFacts, candidate: CandidateFacts) => {
  const shared = request.tracks.filter((track) => candidate.organization.tracks.includes(track));
  const points = (WEIGHTS.tracks * shared.length) / request.tracks.length;
  const reason =
    shared.length === 0
      ? 'works on none of the request’s tracks'
      : `works on ${shared.length} of the request’s ${request.tracks.length} track(s): ${shared.join(', ')}`;
  return { points, reason };
};

const countryPart = (request: RequestFacts, candidate: CandidateFacts) =>
  candidate.organization.country === request.country
    ? { points: WEIGHTS.country, reason: `based in ${request.country}, where the help is needed` }
    : { points: 0, reason: `based in ${candidate.organization.country}, not ${request.country}` };

const kindWords: Record<OfferKind, string> = {
  funding: 'offers',
  'in-kind': 'offers goods or services in kind, valued at',
  expertise: 'offers expertise, valued at',
};

/**
 * Within budget scores full; above it, in proportion budget / amount. No offer yet scores nothing.
 * An in-kind or expertise offer is judged by its estimated value when it gives one; without one it
 * asks nothing of the budget and scores full, and the reason says which (decision 0185).
 */
const amountPart = (request: RequestFacts, candidate: CandidateFacts) => {
  if (!candidate.offer) return { points: 0, reason: 'has not offered on this request yet' };
  const { kind, amount: offered } = candidate.offer;
  if (!offered) {
    return {
      points: WEIGHTS.amount,
      reason: `offers ${kind === 'expertise' ? 'expertise' : 'goods or services in kind'}, not money: nothing asked of the budget`,
    };
  }
  const budget = fromWire(request.budget).minor;
  const amount = fromWire(offered).minor;
  const what = `${kindWords[kind]} ${offered.amount} ${offered.currency}`;
  if (amount <= budget) return { points: WEIGHTS.amount, reason: `${what}, within the budget` };
  return {
    points: WEIGHTS.amount * ratio(budget, amount),
    reason: `${what}, above the budget of ${request.budget.amount}`,
  };
};

/** Reported expenditure against money disbursed; without any disbursement, half marks (unknown, not bad). */
const deliveryPart = (candidate: CandidateFacts) => {
  const disbursed = candidate.record ? fromWire(candidate.record.disbursed).minor : 0n;
  if (!candidate.record || disbursed === 0n)
    return { points: WEIGHTS.delivery / 2, reason: 'no delivery record yet' };
  const reported = fromWire(candidate.record.reportedExpenditure).minor;
  const share = Math.min(1, ratio(reported, disbursed));
  return {
    points: WEIGHTS.delivery * share,
    reason: `reported spending ${Math.round(share * 100)}% of the ${candidate.record.disbursed.amount} ${candidate.record.disbursed.currency} disbursed to it`,
  };
};

export const scoreCandidate = (request: RequestFacts, candidate: CandidateFacts): Suggestion => {
  const parts = [
    trackPart(request, candidate),
    countryPart(request, candidate),
    amountPart(request, candidate),
    deliveryPart(candidate),
  ];
  return {
    kind: candidate.offer ? 'offer' : 'organization',
    organizationId: candidate.organization.id,
    organizationName: candidate.organization.name,
    offerId: candidate.offer?.id ?? null,
    score: round1(parts.reduce((total, part) => total + part.points, 0)),
    reasons: parts.map((part) => part.reason),
  };
};

/** Highest score first; on a tie an offer before an organisation that has not offered, then by id. */
export const rankSuggestions = (request: RequestFacts, candidates: CandidateFacts[]): Suggestion[] =>
  candidates
    .map((candidate) => scoreCandidate(request, candidate))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.kind === b.kind ? 0 : a.kind === 'offer' ? -1 : 1) ||
        (a.offerId ?? a.organizationId).localeCompare(b.offerId ?? b.organizationId),
    );
