import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import { AuditRoute } from '../http/audit-route';
import { Recorded, RecordedRead } from '../recording/recorded-read';
import { LedgerQuery } from '../http/queries';
import { LedgerAsOf, ledgerAsOf } from './ledger-as-of';
import { LedgerResponse } from './ledger.response';

@Controller('v1/audit/ledger')
export class LedgerController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Committed, disbursed, confirmed received and reported, per match, organisation, track and country. */
  @Get()
  @AuditRoute('auditor')
  @ApiOperation({
    summary:
      'Committed, disbursed, confirmed received and reported, per match, organisation, track and country',
  })
  @ApiOkResponse({ type: LedgerResponse })
  ledger(@Query() query: LedgerQuery, @Recorded() read: RecordedRead): Promise<LedgerAsOf> {
    return read.heavy(query, () =>
      ledgerAsOf(this.store, query.asOf ? new Date(query.asOf) : new Date(), query.valueDate),
    );
  }
}
