import { ApiProperty } from '@nestjs/swagger';
import type { Written } from '../../command-handling/written';
import { WriteResult } from '../../http/write-result';

/** `id` is the match (as for every write on it); `reportId` names the new report. */
export interface ReportWritten extends Written {
  reportId: string;
}

export class ReportWriteResult extends WriteResult implements ReportWritten {
  @ApiProperty({ description: 'The new report, to review or replace it' }) reportId!: string;
}
