import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import type { Database } from '@multitrack/database';
import { rule, seesOrganization, type DomainError } from '@multitrack/domain';
import { DATABASE } from '@multitrack/platform';
import { findBudgetVsActual, matchesReadModel, type BudgetVsActualView } from '@multitrack/read-models';
import { awaitRevision } from '../../http/read-your-writes';

export class BudgetVsActualQuery extends Query<BudgetVsActualView | DomainError> {
  constructor(
    readonly matchId: string,
    readonly actor: Actor,
    readonly minRevision?: number,
  ) {
    super();
  }
}

/** Visible as the match is: officers, auditors and the matched NGO; to other NGOs it does not exist. */
@QueryHandler(BudgetVsActualQuery)
export class BudgetVsActualHandler implements IQueryHandler<BudgetVsActualQuery> {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async execute({
    matchId,
    actor,
    minRevision,
  }: BudgetVsActualQuery): Promise<BudgetVsActualView | DomainError> {
    const missing = rule('match.not-found', `no match ${matchId}`);
    const seen = await findBudgetVsActual(this.db, matchId);
    if (seen && !seesOrganization(actor, seen.organizationId)) return missing;
    await awaitRevision(this.db, matchesReadModel, matchId, minRevision);
    const found = minRevision === undefined ? seen : await findBudgetVsActual(this.db, matchId);
    return found && seesOrganization(actor, found.organizationId) ? found.view : missing;
  }
}
