import { DateField, MoneyField, TextField, TitleField } from '../../http/dto/fields';
import type { MoneyDto } from '../../http/dto/money.dto';

/** Any of the fields; at least one (else `request.nothing-to-amend`). */
export class AmendRequestDto {
  @TitleField({ optional: true }) title?: string;
  @TextField({ optional: true }) description?: string;
  @MoneyField({ optional: true }) budget?: MoneyDto;
  @DateField({ optional: true }) neededBy?: string;
}
