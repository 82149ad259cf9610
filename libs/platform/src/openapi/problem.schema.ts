import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI-only classes describing the problem+json body; never instantiated. */
export class FieldErrorSchema {
  @ApiProperty({ example: 'budget.amount' }) field: string;
  @ApiProperty({ example: 'amount must be a decimal string' }) message: string;
}

export class ProblemSchema {
  @ApiProperty({ example: 'https://multitrack.example/problems/match.over-disbursed' }) type: string;
  @ApiProperty({ example: 'Business rule violated' }) title: string;
  @ApiProperty({ example: 422 }) status: number;
  @ApiProperty({ example: 'disbursed would exceed committed' }) detail: string;
  @ApiPropertyOptional({ description: 'The X-Request-Id of the request, to find it in the logs' })
  requestId?: string;
  @ApiPropertyOptional({ description: 'For 422: the broken rule', example: 'match.over-disbursed' })
  rule?: string;
  @ApiPropertyOptional({ type: [FieldErrorSchema], description: 'For 400 validation failures' })
  errors?: FieldErrorSchema[];
}
