import {
  CountryField,
  DateField,
  MoneyField,
  TextField,
  TitleField,
  TracksField,
} from '../../http/dto/fields';
import type { MoneyDto } from '../../http/dto/money.dto';

export class PublishRequestDto {
  @TitleField({ example: 'Mediators for a ceasefire dialogue' }) title: string;
  @TextField({ example: 'Two experienced facilitators for three weeks' }) description: string;
  @TracksField() tracks: number[];
  @CountryField() country: string;
  @MoneyField() budget: MoneyDto;
  @DateField({ description: 'YYYY-MM-DD' }) neededBy: string;
}
