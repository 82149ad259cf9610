import { MoneyField, DateField } from '../../http/dto/fields';
import type { MoneyDto } from '../../http/dto/money.dto';

export class GrantApprovalAuthorityDto {
  @MoneyField({
    description:
      'The largest single tranche the officer may approve, in this currency; replaces its limit there',
  })
  limit!: MoneyDto;

  @DateField({ optional: true, description: 'Last day the limit holds (inclusive); absent: until revoked' })
  validUntil?: string;
}
