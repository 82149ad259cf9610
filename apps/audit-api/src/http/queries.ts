import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/**
 * A position or tree size in the query string: a whole number that fits a JavaScript number (and
 * so PostgreSQL's int8), else a 400 naming the field.
 */
const LogNumber = (minimum: number, description: string, { optional = false } = {}) =>
  applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({ type: 'integer', minimum, maximum: Number.MAX_SAFE_INTEGER, description }),
    ...(optional ? [IsOptional()] : []),
    Type(() => Number),
    IsInt(),
    Min(minimum),
    Max(Number.MAX_SAFE_INTEGER),
  );

/** Stream categories: the part of a stream id before the first dash. */
const categories = ['organization', 'request', 'offer', 'match', 'audit'];

export class LogPageQuery {
  @LogNumber(0, 'Start at the event with this global position (default: the start of the log)', { optional: true })
  fromPosition?: number;

  @ApiPropertyOptional({ pattern: '^\\d{1,16}$', description: 'Same as fromPosition: the `nextCursor` of the previous page; wins over fromPosition' })
  @IsOptional() @IsString() @Matches(/^\d{1,16}$/)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 50, description: 'Events per page' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

export class StreamPageQuery {
  @ApiPropertyOptional({ pattern: '^\\d{1,16}$', description: 'First revision (default 0), or the `nextCursor` of the previous page' })
  @IsOptional() @IsString() @Matches(/^\d{1,16}$/)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 50, description: 'Events per page' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

export class AsOfQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'ISO 8601 instant; only events recorded at or before it count (default: now)' })
  @IsOptional() @IsISO8601({ strict: true })
  asOf?: string;
}

export class LedgerQuery extends AsOfQuery {
  @ApiPropertyOptional({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD: only money that moved on or before this value date' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/)
  valueDate?: string;
}

export class ExportQuery {
  @LogNumber(0, 'Start at the event with this global position', { optional: true })
  fromPosition?: number;

  @ApiPropertyOptional({ enum: categories, description: 'Only streams of this category' })
  @IsOptional() @IsIn(categories)
  category?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Recorded at or after this instant (ISO 8601)' })
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Recorded at or before this instant (ISO 8601)' })
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}

export class InclusionQuery {
  @LogNumber(0, 'The global log position of the event to prove')
  position!: number;

  @LogNumber(1, 'The size of the tree to prove inclusion in (a checkpoint’s tree size)')
  treeSize!: number;
}

export class ConsistencyQuery {
  @LogNumber(0, 'The smaller tree size (an earlier checkpoint)')
  from!: number;

  @LogNumber(0, 'The larger tree size, at most the current one')
  to!: number;
}
