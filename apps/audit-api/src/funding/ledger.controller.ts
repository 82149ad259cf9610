import { Controller, Get, Inject, Query } from '@nestjs/common';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import { AuditRoute } from '../http/audit-route';
import { LedgerQuery } from '../http/queries';
import { LedgerAsOf, ledgerAsOf } from './ledger-as-of';

@Controller('v1/audit/ledger')
export class LedgerController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Committed, disbursed, confirmed received and reported, per match, organisation, track and country. */
  @Get()
  @AuditRoute('auditor')
  ledger(@Query() query: LedgerQuery): Promise<LedgerAsOf> {
    return ledgerAsOf(this.store, query.asOf ? new Date(query.asOf) : new Date(), query.valueDate);
  }
}
