import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import type { Database } from '@multitrack/database';
import type { EventStore } from '@multitrack/event-store';
import { DATABASE, EVENT_STORE } from '@multitrack/platform';
import { AuditRoute } from '../http/audit-route';
import { reconcile, Reconciliation } from './reconcile';

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
  reconcile(): Promise<Reconciliation> {
    return reconcile(this.store, this.db);
  }
}
