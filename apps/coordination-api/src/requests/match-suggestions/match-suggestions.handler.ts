import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Database } from '@multitrack/database';
import { rule, type DomainError } from '@multitrack/domain';
import { DATABASE } from '@multitrack/platform';
import {
  DEFAULT_LIMIT,
  findRequest,
  fundingLedger,
  listOffersForRequest,
  listOrganizations,
  MAX_LIMIT,
  type OfferView,
  type OrganizationRecord,
  type PageOf,
} from '@multitrack/read-models';
import type { MatchSuggestionsView } from './match-suggestions.view';
import { rankSuggestions, type CandidateFacts } from './suggestion-score';

/** Bounds the work of one suggestion query on a very large registry. */
const MAX_CANDIDATE_PAGES = 20;

export class MatchSuggestionsQuery extends Query<MatchSuggestionsView | DomainError> {
  constructor(
    readonly requestId: string,
    readonly limit = DEFAULT_LIMIT,
  ) {
    super();
  }
}

const everyPage = async <T>(fetch: (cursor?: string) => Promise<PageOf<T>>): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_CANDIDATE_PAGES; page++) {
    const next = await fetch(cursor);
    items.push(...next.items);
    if (!next.nextCursor) break;
    cursor = next.nextCursor;
  }
  return items;
};

/**
 * Ranks vetted organisations, and their submitted offers on this request, by the formula in
 * docs/api.md. Every fact comes from the read models: organisations, offers, and the funding
 * ledger for the delivery record (in the request's currency only: amounts never add across currencies).
 */
@QueryHandler(MatchSuggestionsQuery)
export class MatchSuggestionsHandler implements IQueryHandler<MatchSuggestionsQuery> {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async execute({ requestId, limit }: MatchSuggestionsQuery): Promise<MatchSuggestionsView | DomainError> {
    const request = await findRequest(this.db, requestId);
    if (!request) return rule('request.not-found', `no help request ${requestId}`);
    const [organizations, offers, ledger] = await Promise.all([
      everyPage((cursor) => listOrganizations(this.db, { status: 'vetted' }, { limit: MAX_LIMIT, cursor })),
      everyPage((cursor) =>
        listOffersForRequest(this.db, requestId, { status: 'submitted' }, { limit: MAX_LIMIT, cursor }),
      ),
      fundingLedger(this.db, 'organization', { currency: request.budget.currency }),
    ]);
    const records = new Map(ledger.map((line) => [line.key, line]));
    const candidate = (organization: OrganizationRecord, offer?: OfferView): CandidateFacts => ({
      organization,
      ...(offer && {
        offer: { id: offer.id, kind: offer.kind, ...(offer.amount && { amount: offer.amount }) },
      }),
      ...(records.has(organization.id) && { record: records.get(organization.id) }),
    });
    const offered = new Set(offers.map((offer) => offer.organizationId));
    const vetted = new Map(organizations.map((organization) => [organization.id, organization]));
    const candidates = [
      // Offers from organisations no longer vetted (suspended since) are left out.
      ...offers
        .filter((offer) => vetted.has(offer.organizationId))
        .map((offer) => candidate(vetted.get(offer.organizationId)!, offer)),
      ...organizations
        .filter((organization) => !offered.has(organization.id))
        .map((organization) => candidate(organization)),
    ];
    return {
      requestId,
      revision: request.revision,
      items: rankSuggestions(request, candidates).slice(0, limit),
    };
  }
}
