import { IsDefined } from 'class-validator';
import { DateField, MoneyField } from '../../http/dto/fields';
import { MoneyDto } from '../../http/dto/money.dto';

export class ConfirmReceiptDto {
  @MoneyField({ description: 'What arrived; a different amount than disbursed is recorded as a discrepancy' })
  @IsDefined()
  amount!: MoneyDto;

  @DateField({ description: 'The day the money arrived' })
  receivedOn!: string;
}
