import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { TextField } from '../../http/dto/fields';

const decisions = ['accepted', 'changes_requested'] as const;

export class ReviewReportDto {
  @ApiProperty({
    enum: decisions,
    description: 'Accepted is final; changes requested asks for a replacement',
  })
  @IsIn(decisions, { message: 'decision must be "accepted" or "changes_requested"' })
  decision!: (typeof decisions)[number];

  @TextField({ description: 'Why: what was checked, or what must change' })
  note!: string;
}
