import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LedgerLine } from '@multitrack/read-models';
import type { LedgerAsOf } from './ledger-as-of';

/** OpenAPI-only: money on the wire, exactly the currency's minor digits. */
export class LedgerMoneyResponse {
  @ApiProperty({
    pattern: '^-?\\d+(\\.\\d+)?$',
    example: '200000.00',
    description: 'Negative only in a discrepancy where more arrived than was sent',
  })
  amount: string;
  @ApiProperty({ pattern: '^[A-Z]{3}$', example: 'USD' }) currency: string;
}

export class DiscrepanciesResponse {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Tranches whose confirmed receipt differed from the amount sent',
  })
  count: number;
  @ApiProperty({ type: LedgerMoneyResponse, description: 'The sum of (sent − received) over those tranches' })
  amount: LedgerMoneyResponse;
}

/** OpenAPI-only: totals for one key in one currency (amounts never add across currencies). */
export class LedgerLineResponse implements LedgerLine {
  @ApiProperty({ description: 'The match id, organisation id, track number (as text) or country code' })
  key: string;
  @ApiProperty({ pattern: '^[A-Z]{3}$' }) currency: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) matches: number;
  @ApiProperty({ type: LedgerMoneyResponse }) committed: LedgerMoneyResponse;
  @ApiProperty({ type: LedgerMoneyResponse }) disbursed: LedgerMoneyResponse;
  @ApiProperty({ type: LedgerMoneyResponse }) pendingApproval: LedgerMoneyResponse;
  @ApiProperty({ type: LedgerMoneyResponse, description: 'What the NGOs confirmed as arrived' })
  confirmedReceived: LedgerMoneyResponse;
  @ApiProperty({ type: DiscrepanciesResponse }) discrepancies: DiscrepanciesResponse;
  @ApiProperty({ type: LedgerMoneyResponse, description: 'The reports not replaced, reviewed or not' })
  reportedExpenditure: LedgerMoneyResponse;
  @ApiProperty({
    type: LedgerMoneyResponse,
    description: 'The reports an officer accepted (what IATI counts)',
  })
  acceptedExpenditure: LedgerMoneyResponse;
  @ApiProperty({ type: LedgerMoneyResponse, description: 'Committed and not yet disbursed' })
  outstanding: LedgerMoneyResponse;
}

export class LedgerResponse implements LedgerAsOf {
  @ApiProperty({ format: 'date-time', description: 'Only events recorded at or before this instant' })
  asOf: string;
  @ApiPropertyOptional({
    format: 'date',
    description: 'Present when asked: only money that moved on or before this day',
  })
  valueDate?: string;
  @ApiProperty({ type: [LedgerLineResponse] }) byMatch: LedgerLineResponse[];
  @ApiProperty({ type: [LedgerLineResponse] }) byOrganization: LedgerLineResponse[];
  @ApiProperty({ type: [LedgerLineResponse] }) byTrack: LedgerLineResponse[];
  @ApiProperty({ type: [LedgerLineResponse] }) byCountry: LedgerLineResponse[];
}
