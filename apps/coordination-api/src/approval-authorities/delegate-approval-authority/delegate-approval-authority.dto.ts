import { MaxLength } from 'class-validator';
import { DateField, MoneyField, TextField } from '../../http/dto/fields';
import type { MoneyDto } from '../../http/dto/money.dto';

export class DelegateApprovalAuthorityDto {
  @TextField({
    example: 'bob',
    description: 'The officer (`sub`) the authority is lent to, at most 200 characters',
  })
  @MaxLength(200)
  to!: string;

  @DateField({ description: 'Last day the delegation holds (inclusive)' })
  until!: string;

  @MoneyField({
    optional: true,
    description:
      'At most the lender’s own limit in that currency; absent: every currency the lender holds, up to its limit',
  })
  limit?: MoneyDto;
}
