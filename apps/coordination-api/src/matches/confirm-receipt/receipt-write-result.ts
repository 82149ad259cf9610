import { ApiPropertyOptional } from '@nestjs/swagger';
import { DiscrepancyDto } from '../get-match/match-view.dto';
import { TrancheWriteResult } from '../shared/match-write-responses';

/** A confirmed receipt: the tranche write, and what differed when the NGO received another amount. */
export class ReceiptWriteResult extends TrancheWriteResult {
  @ApiPropertyOptional({ type: DiscrepancyDto, description: 'Absent when the amounts agree' })
  discrepancy?: DiscrepancyDto;
}
