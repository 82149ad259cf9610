import { DateField, MoneyField, TextField } from '../../http/dto/fields';
import type { MoneyDto } from '../../http/dto/money.dto';

/** The organisation is the caller's own (token `org`), never a body field. */
export class SubmitOfferDto {
  @TextField({ example: 'Two facilitators for three weeks' }) summary: string;
  @MoneyField({ description: 'In the request budget’s currency' }) amount: MoneyDto;
  @DateField() startDate: string;
  @DateField() endDate: string;
}
