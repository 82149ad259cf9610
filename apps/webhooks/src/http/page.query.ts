import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** API.md paging: `?limit=` (default 50, max 500). */
export class LimitQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class FeedQuery extends LimitQuery {
  @ApiPropertyOptional({
    description: 'The `nextCursor` (or `lastCursor`) of the previous page; absent: from the start',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  after?: string;
}

export class PageQuery extends LimitQuery {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  cursor?: string;
}
