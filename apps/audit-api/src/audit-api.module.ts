import { Module } from '@nestjs/common';
import { APP_SETTINGS } from '@multitrack/platform';
import { readAuditSettings } from './audit-settings';
import { HeavyWork } from './capacity/heavy-work';
import { ExportsController } from './exports/exports.controller';
import { LedgerController } from './funding/ledger.controller';
import { EntitiesController } from './history/entities.controller';
import { EventsController } from './history/events.controller';
import { IntegrityController } from './integrity/integrity.controller';
import { ReconciliationsController } from './reconciliation/reconciliations.controller';
import { RecordAuditRead } from './recording/record-audit-read.interceptor';
import { AuditLog } from './transparency/audit-log.service';
import { CheckpointsController } from './transparency/checkpoints.controller';
import { ProofsController } from './transparency/proofs.controller';

/**
 * The audit API: history, time travel, integrity, exports, the ledger, the transparency log and
 * reconciliation — read-only but for recording the reads of the record and witnesses' cosignatures. Needs the
 * adapters of `InfrastructureModule` (event store, database, settings), provided by whoever boots it.
 */
@Module({
  controllers: [
    EventsController,
    EntitiesController,
    IntegrityController,
    ExportsController,
    LedgerController,
    CheckpointsController,
    ProofsController,
    ReconciliationsController,
  ],
  providers: [
    AuditLog,
    RecordAuditRead,
    {
      provide: HeavyWork,
      inject: [APP_SETTINGS],
      useFactory: (settings: Record<string, unknown>) => {
        const { AUDIT_HEAVY_CONCURRENCY, AUDIT_HEAVY_QUEUE, AUDIT_HEAVY_PER_CALLER } = readAuditSettings(settings);
        return new HeavyWork({ concurrency: AUDIT_HEAVY_CONCURRENCY, queue: AUDIT_HEAVY_QUEUE, perCaller: AUDIT_HEAVY_PER_CALLER });
      },
    },
  ],
  exports: [AuditLog],
})
export class AuditApiModule {}
