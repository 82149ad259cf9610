import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { DateField, MoneyField, TextField } from '../../http/dto/fields';
import { MoneyDto } from '../../http/dto/money.dto';

export class PeriodDto {
  @DateField({ description: 'First day of the period' })
  from!: string;

  @DateField({ description: 'Last day of the period (not before `from`)' })
  to!: string;
}

export class ReportExpenditureDto {
  @MoneyField({ description: 'Spent in the period, in the match currency' })
  @IsDefined()
  amount!: MoneyDto;

  @TextField({ description: 'What the money was spent on' })
  description!: string;

  @ApiProperty({ type: PeriodDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PeriodDto)
  period!: PeriodDto;
}
