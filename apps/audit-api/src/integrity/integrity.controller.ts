import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AuditRoute } from '../http/audit-route';
import { NoQuery } from '../http/queries';
import { Recorded, RecordedRead } from '../recording/recorded-read';
import { AuditLog } from '../transparency/audit-log.service';
import { IntegrityReportResponse } from './integrity-report.response';
import { IntegrityReport, verifyIntegrity } from './verify-integrity';

@Controller('v1/audit/integrity')
export class IntegrityController {
  constructor(private readonly log: AuditLog) {}

  /** Recomputes every hash chain and the Merkle root over the whole log, streaming. */
  @Get()
  @AuditRoute('auditor')
  @ApiOperation({ summary: 'Recomputes the hash chains and the Merkle root' })
  @ApiOkResponse({
    type: IntegrityReportResponse,
    description: 'A broken chain is a 200 with `verified: false`, not an error',
  })
  integrity(@NoQuery() query: object, @Recorded() read: RecordedRead): Promise<IntegrityReport> {
    return read.heavy(query, () =>
      verifyIntegrity({ store: this.log.store, db: this.log.db, tree: this.log.tree }),
    );
  }
}
