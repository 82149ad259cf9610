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
  @ApiProperty({ type: [DisbursementDto] }) disbursements!: DisbursementDto[];
  @ApiProperty() revision!: number;
}
