import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { LimitFilter } from './filters';

/** API.md: `?limit=` (default 50, max 500) and an opaque `?cursor=` from the previous page. */
export class PageQuery {
  @LimitFilter()
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}
