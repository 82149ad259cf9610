import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { BudgetCodeField, UniqueCodes } from '../../http/dto/budget-code';
import { DateField, MoneyField, TextField } from '../../http/dto/fields';
import { MoneyDto } from '../../http/dto/money.dto';

/** More lines than any budget sensibly has; a bound keeps a hostile body cheap to refuse. */
export const MAX_BUDGET_LINES = 200;

export class PeriodDto {
  @DateField({ description: 'First day of the period' })
  from!: string;

  @DateField({ description: 'Last day of the period (not before `from`)' })
  to!: string;
}

export class ReportLineDto {
  @BudgetCodeField()
  code!: string;

  @MoneyField({ description: 'Spent on this budget line' })
  amount!: MoneyDto;
}

export class ReportExpenditureDto {
  @MoneyField({ description: 'Spent in the period, in the match currency' })
  @IsDefined()
  amount!: MoneyDto;

  @TextField({ description: 'What the money was spent on' })
  description!: string;

  @ApiProperty({ type: PeriodDto })
  @IsDefined()
  @IsObject() // ValidateNested alone passes `[]` (an array is validated by its elements)
  @ValidateNested()
  @Type(() => PeriodDto)
  period!: PeriodDto;

  @ApiPropertyOptional({
    type: [ReportLineDto],
    maxItems: MAX_BUDGET_LINES,
    description:
      'Where the money went, by budget line: each code a line of the budget, once; together `amount` ' +
      '(422 `report.unknown-budget-line`, `report.lines-mismatch` otherwise)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BUDGET_LINES)
  @UniqueCodes()
  @ValidateNested({ each: true })
  @Type(() => ReportLineDto)
  lines?: ReportLineDto[];

  @ApiPropertyOptional({
    description:
      'The report this one corrects (one still `submitted` or `changes_requested`): it becomes `replaced`',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  replaces?: string;
}
