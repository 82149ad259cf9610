import { offerKinds, type OfferKind } from '@multitrack/domain';
import { DateField, MoneyField, TextField } from '../../http/dto/fields';
import { StatusFilter } from '../../http/dto/filters';
import type { MoneyDto } from '../../http/dto/money.dto';

/** The organisation is the caller's own (token `org`), never a body field. */
export class SubmitOfferDto {
  @TextField({ example: 'Two facilitators for three weeks' }) summary: string;
  /** Optional, default `funding` (decision 0185). */
  @StatusFilter(offerKinds) kind?: OfferKind;
  @MoneyField({
    optional: true,
    description:
      'In the request budget’s currency; required for `funding`, an estimated value (optional) for `in-kind` and `expertise`',
  })
  amount?: MoneyDto;
  @DateField() startDate: string;
  @DateField() endDate: string;
}
