import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyDto } from '../../http/dto/money.dto';

/** OpenAPI only: the shape of `GET /v1/matches/{id}` (the read model's `MatchView`). */
export class DiscrepancyDto {
  @ApiProperty({ type: MoneyDto }) expected!: MoneyDto;
  @ApiProperty({ type: MoneyDto }) received!: MoneyDto;
}

class ReceiptDto {
  @ApiProperty({ type: MoneyDto }) amount!: MoneyDto;
  @ApiProperty({ format: 'date' }) receivedOn!: string;
  @ApiPropertyOptional({ type: DiscrepancyDto, description: 'Absent when the amounts agree' })
  discrepancy?: DiscrepancyDto;
}

class DisbursementDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: MoneyDto }) amount!: MoneyDto;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: ['pending_approval', 'disbursed', 'reversed'] }) status!: string;
  @ApiProperty() requestedBy!: string;
  @ApiPropertyOptional() approvedBy?: string;
  @ApiPropertyOptional({ type: ReceiptDto }) receipt?: ReceiptDto;
}

class ReportLineView {
  @ApiProperty() code!: string;
  @ApiProperty({ type: MoneyDto }) amount!: MoneyDto;
}

class ReportDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: MoneyDto }) amount!: MoneyDto;
  @ApiProperty({ enum: ['submitted', 'accepted', 'changes_requested', 'replaced'] }) status!: string;
  @ApiPropertyOptional({ type: [ReportLineView], description: 'Absent when the report had no lines' })
  lines?: ReportLineView[];
}

export class MatchViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() requestId!: string;
  @ApiProperty() offerId!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty({ enum: ['funding', 'in-kind', 'expertise'], description: 'The kind of the matched offer' })
  kind!: string;
  @ApiProperty({ enum: ['active', 'completed', 'cancelled'] }) status!: string;
  @ApiProperty({ type: MoneyDto }) committed!: MoneyDto;
  @ApiProperty({ type: MoneyDto }) disbursed!: MoneyDto;
  @ApiProperty({ type: MoneyDto }) pendingApproval!: MoneyDto;
  @ApiProperty({ type: MoneyDto }) reportedExpenditure!: MoneyDto;
  @ApiProperty({ type: MoneyDto }) confirmedReceived!: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'The sum of the accepted expenditure reports' })
  acceptedExpenditure!: MoneyDto;
  @ApiProperty({ description: 'Whether each tranche after the first waits for an accepted report' })
  reportBetweenTranches!: boolean;
  @ApiProperty({ type: [DisbursementDto] }) disbursements!: DisbursementDto[];
  @ApiProperty({ type: [ReportDto], description: 'The expenditure reports in the order they came in' })
  reports!: ReportDto[];
  @ApiProperty() revision!: number;
}
