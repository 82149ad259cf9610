import { Controller, Get } from '@nestjs/common';
import { AuditRoute } from '../http/audit-route';
import { AuditLog } from '../transparency/audit-log.service';
import { IntegrityReport, verifyIntegrity } from './verify-integrity';

@Controller('v1/audit/integrity')
export class IntegrityController {
  constructor(private readonly log: AuditLog) {}

  /** Recomputes every hash chain and the Merkle root over the whole log, streaming. */
  @Get()
  @AuditRoute('auditor')
  integrity(): Promise<IntegrityReport> {
    return verifyIntegrity({ store: this.log.store, db: this.log.db, tree: this.log.tree });
  }
}
