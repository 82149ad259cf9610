import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { IsPaymentCurrency } from '../../http/dto/money.dto';

export class RevokeApprovalAuthorityQuery {
  @ApiProperty({ example: 'USD', description: 'ISO 4217: the currency of the limit revoked' })
  @IsString()
  @IsPaymentCurrency()
  currency!: string;
}
