import { DynamicModule, Module } from '@nestjs/common';
import { AuditSettings } from './audit-settings';
import { HeavyWork } from './capacity/heavy-work';
import { DocumentProofsController } from './documents/document-proofs.controller';
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
 * adapters of `InfrastructureModule` (event store, database), provided by whoever boots it, and its
 * settings.
 */
@Module({})
export class AuditApiModule {
  static forRoot(settings: AuditSettings): DynamicModule {
    return {
      module: AuditApiModule,
      controllers: [
        EventsController,
        EntitiesController,
        IntegrityController,
        ExportsController,
        LedgerController,
        CheckpointsController,
        ProofsController,
        DocumentProofsController,
        ReconciliationsController,
      ],
      providers: [
        { provide: AuditSettings, useValue: settings },
        AuditLog,
        RecordAuditRead,
        {
          provide: HeavyWork,
          useValue: new HeavyWork({
            concurrency: settings.AUDIT_HEAVY_CONCURRENCY,
            queue: settings.AUDIT_HEAVY_QUEUE,
            perCaller: settings.AUDIT_HEAVY_PER_CALLER,
          }),
        },
      ],
      exports: [AuditLog],
    };
  }
}
