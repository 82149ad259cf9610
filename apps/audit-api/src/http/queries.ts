import { applyDecorators, PipeTransform, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { validationProblem } from '@multitrack/platform';

/**
 * A position or tree size in the query string: a whole number that fits a JavaScript number (and
 * so PostgreSQL's int8), else a 400 naming the field.
 */
const LogNumber = (minimum: number, description: string, { optional = false } = {}) =>
  applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({
      type: 'integer',
      minimum,
      maximum: Number.MAX_SAFE_INTEGER,
      description,
    }),
    ...(optional ? [IsOptional()] : []),
    Type(() => Number),
    IsInt(),
    Min(minimum),
    Max(Number.MAX_SAFE_INTEGER),
  );

/** An ISO 8601 instant, strictly; 35 characters hold any instant with nanoseconds and an offset. */
const Instant = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ format: 'date-time', maxLength: 35, description }),
    IsOptional(),
    IsISO8601({ strict: true }),
    MaxLength(35),
  );

/**
 * A route that takes no query: any parameter is a 400 naming it, as the DTOs' whitelist answers
 * unknown ones, so nothing unvalidated reaches the recorded read.
 */
class RefuseAnyQuery implements PipeTransform<Record<string, unknown>, Record<string, never>> {
  transform(query: Record<string, unknown>): Record<string, never> {
    const names = Object.keys(query ?? {});
    if (names.length > 0)
      throw validationProblem(
        names.slice(0, 20).map((name) => ({
          field: name.slice(0, 100),
          message: `property ${name.slice(0, 100)} should not exist`,
        })),
      );
    return {};
  }
}

export const NoQuery = () => Query(RefuseAnyQuery);

/** Stream categories: the part of a stream id before the first dash. */
const categories = ['organization', 'request', 'offer', 'match', 'authority', 'window', 'audit'];

export class LogPageQuery {
  @LogNumber(0, 'Start at the event with this global position (default: the start of the log)', {
    optional: true,
  })
  fromPosition?: number;

  @ApiPropertyOptional({
    pattern: '^\\d{1,16}$',
    description: 'Same as fromPosition: the `nextCursor` of the previous page; wins over fromPosition',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,16}$/)
  cursor?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 500,
    default: 50,
    description: 'Events per page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class StreamPageQuery {
  @ApiPropertyOptional({
    pattern: '^\\d{1,16}$',
    description: 'First revision (default 0), or the `nextCursor` of the previous page',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,16}$/)
  cursor?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 500,
    default: 50,
    description: 'Events per page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class AsOfQuery {
  @Instant('ISO 8601 instant; only events recorded at or before it count (default: now)')
  asOf?: string;
}

export class LedgerQuery extends AsOfQuery {
  @ApiPropertyOptional({
    format: 'date',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    description: 'YYYY-MM-DD: only money that moved on or before this value date',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  valueDate?: string;
}

export class ExportQuery {
  @LogNumber(0, 'Start at the event with this global position', { optional: true })
  fromPosition?: number;

  @ApiPropertyOptional({ enum: categories, description: 'Only streams of this category' })
  @IsOptional()
  @IsIn(categories)
  category?: string;

  @Instant('Recorded at or after this instant (ISO 8601)')
  from?: string;

  @Instant('Recorded at or before this instant (ISO 8601)')
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
