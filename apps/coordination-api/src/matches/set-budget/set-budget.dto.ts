import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, ValidateNested } from 'class-validator';
import { BudgetCodeField, UniqueCodes } from '../../http/dto/budget-code';
import { MoneyField, TextField } from '../../http/dto/fields';
import { MoneyDto } from '../../http/dto/money.dto';
import { MAX_BUDGET_LINES } from '../report-expenditure/report-expenditure.dto';

export class BudgetLineDto {
  @BudgetCodeField()
  code!: string;

  @TextField({ description: 'What the line pays for', example: 'Facilitators’ fees' })
  description!: string;

  @MoneyField({ description: 'In the match currency' })
  amount!: MoneyDto;
}

export class SetBudgetDto {
  @ApiProperty({
    type: [BudgetLineDto],
    maxItems: MAX_BUDGET_LINES,
    description: 'The whole budget (it replaces the one before); codes unique; total at most `committed`',
  })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(MAX_BUDGET_LINES)
  @UniqueCodes()
  @ValidateNested({ each: true })
  @Type(() => BudgetLineDto)
  lines!: BudgetLineDto[];
}
