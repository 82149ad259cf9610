import { IsDefined } from 'class-validator';
import { MoneyField, TextField } from '../../http/dto/fields';
import { MoneyDto } from '../../http/dto/money.dto';

export class DecommitFundsDto {
  @MoneyField({
    description: 'In the match currency; committed never falls below disbursed + pending approval',
  })
  @IsDefined()
  amount!: MoneyDto;

  @TextField({ example: 'activity scaled down' }) reason!: string;
}
