import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DisbursementStatus, Discrepancy } from '@multitrack/domain';
import type { Written } from '../command-handling/written';
import { WriteResult } from '../http/write-result';
import { DiscrepancyDto } from './get-match/match-view.dto';

/** `requested` lasts only inside one append: no answer ever shows it. */
type AnsweredStatus = Exclude<DisbursementStatus, 'requested'>;

/** A write on one tranche: `id` is the disbursement's, revision/position the match stream's. */
export interface DisbursementWritten extends Written {
  matchId: string;
  status: AnsweredStatus;
  discrepancy?: Discrepancy;
}

export class DisbursementWriteResult extends WriteResult implements DisbursementWritten {
  @ApiProperty({ description: 'The match the tranche belongs to' }) matchId!: string;
  @ApiProperty({ enum: ['disbursed', 'pending_approval', 'reversed'] }) status!: AnsweredStatus;
  @ApiPropertyOptional({ type: DiscrepancyDto, description: 'Receipts only; absent when the amounts agree' })
  discrepancy?: DiscrepancyDto;
}
