import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import type { Database } from '@multitrack/database';
import { rule, seesOrganization, type DomainError } from '@multitrack/domain';
import { DATABASE } from '@multitrack/platform';
import { findMatch, matchesReadModel, type MatchView } from '@multitrack/read-models';
import { awaitRevision } from '../../http/read-your-writes';

export class GetMatchQuery extends Query<MatchView | DomainError> {
  constructor(
    readonly matchId: string,
    readonly actor: Actor,
    readonly minRevision?: number,
  ) {
    super();
  }
}

@QueryHandler(GetMatchQuery)
export class GetMatchHandler implements IQueryHandler<GetMatchQuery> {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async execute({ matchId, actor, minRevision }: GetMatchQuery): Promise<MatchView | DomainError> {
    const missing = rule('match.not-found', `no match ${matchId}`);
    const seen = await findMatch(this.db, matchId);
    // Decide visibility before waiting, so another NGO learns nothing from how long it waited.
    if (seen && !seesOrganization(actor, seen.organizationId)) return missing;
    await awaitRevision(this.db, matchesReadModel, matchId, minRevision);
    const match = minRevision === undefined ? seen : await findMatch(this.db, matchId);
    return match && seesOrganization(actor, match.organizationId) ? match : missing;
  }
}
