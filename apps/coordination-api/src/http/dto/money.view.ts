import { ApiProperty } from '@nestjs/swagger';

/** Money in responses: exactly the currency's minor digits (`"300000.00"`, `"5000"` for JPY). */
export class MoneyView {
  @ApiProperty({ example: '300000.00' }) amount: string;
  @ApiProperty({ example: 'USD' }) currency: string;
}
