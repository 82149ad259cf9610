import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import type { Database } from '@multitrack/database';
import { rule } from '@multitrack/domain';
import { DATABASE, DomainRuleViolation } from '@multitrack/platform';
import { findMatch, matchesReadModel, type MatchView } from '@multitrack/read-models';
import { awaitRevision } from '../../http/read-your-writes';

export class GetMatch extends Query<MatchView> {
  constructor(
    readonly matchId: string,
    readonly actor: Actor,
    readonly minRevision?: number,
  ) {
    super();
  }
}

/** Officers and auditors see every match, an NGO only its own: to other NGOs it does not exist. */
const visibleTo = (match: MatchView, actor: Actor): boolean =>
  actor.roles.some((role) => role === 'officer' || role === 'auditor') ||
  match.organizationId === actor.organizationId;

const notFound = (matchId: string) => new DomainRuleViolation(rule('match.not-found', `no match ${matchId}`));

@QueryHandler(GetMatch)
export class GetMatchHandler implements IQueryHandler<GetMatch> {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async execute({ matchId, actor, minRevision }: GetMatch): Promise<MatchView> {
    const seen = await findMatch(this.db, matchId);
    // Decide visibility before waiting, so another NGO learns nothing from how long it waited.
    if (seen && !visibleTo(seen, actor)) throw notFound(matchId);
    await awaitRevision(this.db, matchesReadModel, matchId, minRevision);
    const match = minRevision === undefined ? seen : await findMatch(this.db, matchId);
    if (!match || !visibleTo(match, actor)) throw notFound(matchId);
    return match;
  }
}
