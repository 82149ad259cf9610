import { IsDefined } from 'class-validator';
import { MoneyField } from '../../http/dto/fields';
import { MoneyDto } from '../../http/dto/money.dto';

export class CommitFundsDto {
  @MoneyField({ description: 'In the request’s currency; all commitments together stay within its budget' })
  @IsDefined()
  amount!: MoneyDto;
}
