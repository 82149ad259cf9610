import { DateField, MoneyField, TextField } from '../../http/dto/fields';
import type { MoneyDto } from '../../http/dto/money.dto';

/** Any of the fields; at least one (else `offer.nothing-to-revise`). */
export class ReviseOfferDto {
  @TextField({ optional: true }) summary?: string;
  @MoneyField({ optional: true, description: 'In the offer’s currency' }) amount?: MoneyDto;
  @DateField({ optional: true }) startDate?: string;
  @DateField({ optional: true }) endDate?: string;
}
