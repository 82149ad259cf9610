import { IsDefined } from 'class-validator';
import { MoneyField, TextField } from '../../http/dto/fields';
import { MoneyDto } from '../../http/dto/money.dto';

export class RequestDisbursementDto {
  @MoneyField({ description: 'In the match currency; disbursed + pending stay within the committed funds' })
  @IsDefined()
  amount!: MoneyDto;

  @TextField({ description: 'The ministry’s payment reference', example: 'PAY-2025-0042' })
  reference!: string;
}
