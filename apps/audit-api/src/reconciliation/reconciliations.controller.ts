import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Database } from '@multitrack/database';
import type { EventStore } from '@multitrack/event-store';
import { DATABASE, EVENT_STORE } from '@multitrack/platform';
import { AuditRoute } from '../http/audit-route';
import { NoQuery } from '../http/queries';
import { Recorded, RecordedRead } from '../recording/recorded-read';
import { reconcile, Reconciliation } from './reconcile';
import { ReconciliationResponse } from './reconciliation.response';

@Controller('v1/audit/reconciliations')
export class ReconciliationsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  /** Rebuilds the read models from the log beside the live ones and reports every difference. */
  @Post()
  @HttpCode(200)
  @AuditRoute('auditor')
  @ApiOperation({
    summary: 'Rebuilds the read models from the log and diffs them against the live ones; takes no body',
  })
  @ApiOkResponse({
    type: ReconciliationResponse,
    description: 'Differences are a 200 with `consistent: false`; nothing live is written',
  })
  reconcile(@NoQuery() query: object, @Recorded() read: RecordedRead): Promise<Reconciliation> {
    return read.heavy(query, () => reconcile(this.store, this.db));
  }
}
