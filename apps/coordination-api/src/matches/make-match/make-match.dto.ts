import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class MakeMatchDto {
  @ApiProperty({ description: 'The help request to match' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  requestId!: string;

  @ApiProperty({ description: 'The submitted offer to accept; the request’s other offers are declined' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  offerId!: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'Keep the request open for more partners: its other offers stay submitted and may be matched too; ' +
      'all its matches share its budget',
  })
  @IsOptional()
  @IsBoolean()
  keepRequestOpen?: boolean;

  @ApiPropertyOptional({
    default: false,
    description:
      'Each tranche after the first waits (422 `match.report-required`) until an expenditure report ' +
      'submitted after the previous tranche has been accepted',
  })
  @IsOptional()
  @IsBoolean()
  reportBetweenTranches?: boolean;
}
