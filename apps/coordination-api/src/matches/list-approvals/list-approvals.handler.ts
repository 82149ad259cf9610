import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import type { Database } from '@multitrack/database';
import {
  covers,
  dayOf,
  fromWire,
  officerKey,
  sameOfficer,
  type ApprovalAuthorityState,
} from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { DATABASE, EVENT_STORE } from '@multitrack/platform';
import { listPendingApprovals, type ApprovalView, type PageOf } from '@multitrack/read-models';
import { attemptReader } from '../../command-handling/stream-reader';
import type { PageQuery } from '../../http/dto/page.query';
import { DisbursementPolicies } from '../disbursement-policies';

export class ListApprovalsQuery extends Query<PageOf<ApprovalView>> {
  constructor(
    readonly query: PageQuery,
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * An officer's queue: the waiting tranches it may approve, never those it requested itself (its
 * name compared normalised, as the approval compares it). Under
 * DISBURSEMENT_APPROVAL_AUTHORITY=recorded, only those its own or lent authority covers today,
 * judged by the same rule as the approval, on the authority streams themselves (one read for the
 * caller and one per lender, per page). Filtering after the page is read may make a page shorter
 * than `limit`; `nextCursor` still leads on.
 */
@QueryHandler(ListApprovalsQuery)
export class ListApprovalsHandler implements IQueryHandler<ListApprovalsQuery> {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly policies: DisbursementPolicies,
  ) {}

  async execute({ query: { limit, cursor }, actor }: ListApprovalsQuery) {
    const page = await listPendingApprovals(this.db, actor.sub, { limit, cursor });
    const mayApprove = await this.authorityOf(actor.sub);
    return {
      ...page,
      items: page.items.filter((item) => !sameOfficer(item.requestedBy, actor.sub) && mayApprove(item)),
    };
  }

  private async authorityOf(approver: string): Promise<(item: ApprovalView) => boolean> {
    if (this.policies.authority === 'any-officer') return () => true;
    const day = dayOf(new Date().toISOString());
    const streams = attemptReader(this.store);
    const own = await streams.read('authority', officerKey(approver));
    const lenders = own.state.status === 'none' ? [] : own.state.received.map((r) => r.from);
    const lent = await Promise.all([...new Set(lenders)].map((lender) => streams.read('authority', lender)));
    const authorities: ApprovalAuthorityState[] = [own, ...lent].map((read) => read.state);
    return (item) => authorities.some((state) => covers(state, approver, fromWire(item.amount), day));
  }
}
